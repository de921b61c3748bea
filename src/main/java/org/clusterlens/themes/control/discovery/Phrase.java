package org.clusterlens.themes.control.discovery;

/**
 * A word or pair of words that sets a theme apart: {@code text} as the theme's answers most often
 * wrote it, {@code term} its analysed form, how many answers of the theme and of the background
 * hold it, and its {@link LogLikelihood G²}.
 */
public record Phrase(String text, String term, int inTheme, int inBackground, double g2) {
}
