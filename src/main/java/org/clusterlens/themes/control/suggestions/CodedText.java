package org.clusterlens.themes.control.suggestions;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hand-coded answer: the themes it was coded into, and those it was explicitly coded out of.
 * An answer coded into some theme counts against every other theme; one coded only out of themes
 * counts against those alone, since nobody said what it is about.
 */
public record CodedText(AnswerText answer, Set<Long> themes, Set<Long> notThemes) {
    public CodedText {
        Objects.requireNonNull(answer, "answer");
        themes = Set.copyOf(themes);
        notThemes = Set.copyOf(notThemes);
        Set<Long> both = new TreeSet<>(themes);
        both.retainAll(notThemes);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("An answer cannot be coded into and out of the same themes: " + both);
        }
    }

    public CodedText(String text, String language, Set<Long> themes) {
        this(new AnswerText(text, language), themes, Set.of());
    }

    /** +1 for a theme it was coded into, -1 for one it is not about, 0 when nothing is known. */
    int label(long theme) {
        if (themes.contains(theme)) {
            return 1;
        }
        return notThemes.contains(theme) || !themes.isEmpty() ? -1 : 0;
    }
}
