package org.clusterlens.themes.control.discovery;

/**
 * Dunning's log-likelihood ratio G² for a phrase in a theme against a background (Dunning 1993,
 * "Accurate methods for the statistics of surprise and coincidence"): the 2×2 table of answers
 * with and without the phrase, in the theme and in the background,
 * G² = 2 Σ O·ln(O/E) with E = row total × column total / N. Unlike a ratio of shares it stays
 * honest for rare phrases and small themes, which is why it ranks the phrases of a label.
 */
public final class LogLikelihood {
    public static final String NAME = "G2";

    private LogLikelihood() {
    }

    /**
     * @param inTheme      answers of the theme with the phrase
     * @param theme        answers of the theme
     * @param inBackground answers of the background with the phrase
     * @param background   answers of the background
     */
    public static double g2(long inTheme, long theme, long inBackground, long background) {
        long withPhrase = inTheme + inBackground;
        long without = theme + background - withPhrase;
        double n = theme + background;
        if (n == 0) {
            return 0;
        }
        double sum = term(inTheme, theme * (withPhrase / n))
                + term(theme - inTheme, theme * (without / n))
                + term(inBackground, background * (withPhrase / n))
                + term(background - inBackground, background * (without / n));
        return Math.max(0, 2 * sum);
    }

    /** Whether the phrase is more common in the theme than in the background. */
    public static boolean overRepresented(long inTheme, long theme, long inBackground, long background) {
        return background == 0 ? inTheme > 0 : (double) inTheme * background > (double) inBackground * theme;
    }

    private static double term(long observed, double expected) {
        return observed == 0 ? 0 : observed * Math.log(observed / expected);
    }
}
