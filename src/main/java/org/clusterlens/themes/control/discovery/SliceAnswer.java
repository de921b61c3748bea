package org.clusterlens.themes.control.discovery;

import java.util.Comparator;
import java.util.Objects;

/**
 * One free-text answer as discovery reads it from the index: the text exactly as typed, its
 * language, and where it comes from, so that a quote can say who wrote it.
 */
public record SliceAnswer(String text, String language, String question, long responseId, String pointer,
                          long actorId, String pseudonym) {
    /**
     * Content first, identity after: answers that arrive in another order are put back in this one
     * before anything is computed, so that nothing depends on arrival.
     */
    public static final Comparator<SliceAnswer> CONTENT_ORDER = Comparator.comparing(SliceAnswer::text)
            .thenComparing(SliceAnswer::language).thenComparing(SliceAnswer::question)
            .thenComparing(SliceAnswer::pointer).thenComparingLong(SliceAnswer::responseId)
            .thenComparingLong(SliceAnswer::actorId).thenComparing(SliceAnswer::pseudonym);

    public SliceAnswer {
        text = Objects.requireNonNullElse(text, "");
        language = Objects.requireNonNullElse(language, "");
        question = Objects.requireNonNullElse(question, "");
        pointer = Objects.requireNonNullElse(pointer, "");
        pseudonym = Objects.requireNonNullElse(pseudonym, "");
    }

    /** An answer known by its text and language only, as in a corpus from elsewhere. */
    public static SliceAnswer of(String text, String language) {
        return new SliceAnswer(text, language, "", 0, "", 0, "");
    }
}
