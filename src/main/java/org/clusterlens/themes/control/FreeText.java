package org.clusterlens.themes.control;

/**
 * One free-text answer, exactly as typed.
 *
 * @param question the question's name; for an "other, specify" text, the question whose choice it specifies
 * @param pointer  where the answer is in the response's answers, e.g. {@code /trainings/1/training_topic}
 * @param repeat   the enclosing repeats' names, outermost first and joined by {@code /}; "" outside repeats
 * @param kind     {@code text}, {@code long_text} or {@code other}
 * @param personal whether the question is tagged {@code pii}: only viewers who see identities read it
 */
public record FreeText(String question, String pointer, String repeat, String kind, String text, boolean personal) {
    public static final String OTHER = "other";
}
