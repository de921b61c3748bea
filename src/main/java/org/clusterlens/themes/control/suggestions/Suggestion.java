package org.clusterlens.themes.control.suggestions;

/**
 * A theme proposed for an answer. {@code confidence} estimates the chance that a person coding the
 * answer would code it into the theme: of hand-coded answers that scored like this one in
 * cross-validation, that share was coded into it.
 */
public record Suggestion(long themeId, double confidence) {
}
