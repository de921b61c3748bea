package org.clusterlens.themes.control.discovery;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLikelihoodTest {
    /**
     * A theme of 10 answers, 6 with "waiting time"; a background of 90, 9 with it. By hand:
     * N = 100, 15 answers hold it. Expected: 1.5 and 8.5 in the theme, 13.5 and 76.5 in the
     * background. G² = 2 (6 ln(6/1.5) + 4 ln(4/8.5) + 9 ln(9/13.5) + 81 ln(81/76.5))
     * = 2 (8.317766 − 3.015087 − 3.649186 + 4.629832) = 12.566649.
     */
    @Test
    void g2OfASmallTableIsTheHandComputedValue() {
        assertEquals(12.566649, LogLikelihood.g2(6, 10, 9, 90), 1e-5);
    }

    @Test
    void aPhraseAsCommonInTheThemeAsInTheBackgroundScoresNothing() {
        assertEquals(0, LogLikelihood.g2(5, 10, 45, 90), 1e-12);
        assertFalse(LogLikelihood.overRepresented(5, 10, 45, 90));
        assertTrue(LogLikelihood.overRepresented(6, 10, 9, 90));
    }

    @Test
    void emptyCellsAndAnEmptyBackgroundAreFinite() {
        assertEquals(0, LogLikelihood.g2(0, 0, 0, 0));
        assertTrue(Double.isFinite(LogLikelihood.g2(10, 10, 0, 90)));
        assertTrue(LogLikelihood.g2(10, 10, 0, 90) > LogLikelihood.g2(6, 10, 9, 90));
        assertEquals(0, LogLikelihood.g2(3, 3, 0, 0), 1e-12, "without a background nothing stands out");
    }
}
