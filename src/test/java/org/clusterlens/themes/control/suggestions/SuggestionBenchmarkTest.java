package org.clusterlens.themes.control.suggestions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionBenchmarkTest {
    @Test
    void microF1CountsAWrongSuggestionTwiceAndAMissingOneOnce() {
        assertEquals(1.0, SuggestionBenchmark.microF1(new long[] {1, 2}, new long[] {1, 2}));
        assertEquals(2.0 / 4, SuggestionBenchmark.microF1(new long[] {1, 2}, new long[] {1, 1}));
        assertEquals(2.0 / 3, SuggestionBenchmark.microF1(new long[] {1, 2}, new long[] {1, -1}));
    }

    @Test
    void macroF1AveragesEveryCodeInTheTruthOrSuggested() {
        // code 1: 1 right, 1 suggested wrongly → F1 2/3; code 2: missed → 0; code 3: suggested wrongly → 0
        assertEquals((2.0 / 3) / 3, SuggestionBenchmark.macroF1(new long[] {1, 2, 2}, new long[] {1, 1, 3}), 1e-12);
    }
}
