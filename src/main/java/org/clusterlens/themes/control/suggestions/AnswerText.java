package org.clusterlens.themes.control.suggestions;

import java.util.Objects;

/** An answer as typed, with the language it was written in ({@code fr}, {@code pt-BR}, anything else). */
public record AnswerText(String text, String language) {
    public AnswerText {
        Objects.requireNonNull(text, "text");
        language = language == null ? "" : language;
    }
}
