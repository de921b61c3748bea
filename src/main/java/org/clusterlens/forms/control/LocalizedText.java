package org.clusterlens.forms.control;

import java.util.Map;
import java.util.Objects;

/** A human-readable text in each of the template's languages, kept exactly as written. */
public record LocalizedText(Map<String, String> translations) {

    public LocalizedText {
        translations = Map.copyOf(translations);
    }

    /** The text in {@code language}, else in {@code fallbackLanguage}, else "". */
    public String in(String language, String fallbackLanguage) {
        String text = translations.get(language);
        return text != null ? text : Objects.requireNonNullElse(translations.get(fallbackLanguage), "");
    }
}
