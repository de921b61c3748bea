package org.clusterlens.themes.control.discovery;

import java.util.Locale;
import java.util.Optional;

/** What a theme's phrases are compared with. */
public enum Background {
    /** Every other answer of the study: the rest of the slice and everything outside it. */
    STUDY,
    /** The study's answers outside the slice only. */
    SLICE_COMPLEMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Background> parse(String value) {
        for (Background b : values()) {
            if (b.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
