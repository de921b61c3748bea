package org.clusterlens.themes.control.codebook;

import org.clusterlens.themes.control.codebook.ThemeTable.Answer;
import org.clusterlens.themes.control.codebook.ThemeTable.Cell;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeTableTest {

    private static BitSet of(int... positions) {
        BitSet set = new BitSet();
        for (int p : positions) {
            set.set(p);
        }
        return set;
    }

    /** Bakeries: P1, P2 (twice), P3; milling: P4; no sector: P5. */
    private static final List<Answer> ANSWERS = List.of(new Answer("P1", "bakery"), new Answer("P2", "bakery"),
            new Answer("P2", "bakery"), new Answer("P3", "bakery"), new Answer("P4", "milling"), new Answer("P5", null));

    @Test
    void aCellUnderKRespondentsIsSuppressedHoweverManyAnswersItHas() {
        Map<Long, BitSet> members = new LinkedHashMap<>();
        members.put(1L, of(0, 1, 2));
        var row = ThemeTable.of(ANSWERS, members, 3).rows().getFirst();
        Cell bakery = row.cells().getFirst();
        assertEquals("bakery", bakery.category());
        assertTrue(bakery.suppressed(), "three answers, but two respondents");
        assertNull(bakery.answers());
        assertTrue(row.total().suppressed());
    }

    @Test
    void cellsOfKOrMoreRespondentsAreShownAndTheCategoriesAreEveryOneOfTheStudy() {
        Map<Long, BitSet> members = new LinkedHashMap<>();
        members.put(1L, of(0, 1, 2, 3));
        var table = ThemeTable.of(ANSWERS, members, 3);
        assertEquals(java.util.Arrays.asList("bakery", "milling", null), table.categories());
        var row = table.rows().getFirst();
        assertEquals(new Cell("bakery", 4, false), row.cells().get(0));
        assertEquals(new Cell(null, 4, false), row.total());
        assertTrue(row.cells().get(1).suppressed(), "no milling answer: under k too");
        assertTrue(row.cells().get(2).suppressed());
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestOtherWithItSoThatTheTotalDoesNotGiveItAway() {
        List<Answer> answers = List.of(new Answer("P1", "a"), new Answer("P2", "a"), new Answer("P3", "b"),
                new Answer("P4", "b"), new Answer("P5", "b"), new Answer("P6", "c"));
        Map<Long, BitSet> members = new LinkedHashMap<>();
        members.put(1L, of(0, 1, 2, 3, 4, 5));
        var row = ThemeTable.of(answers, members, 2).rows().getFirst();
        assertEquals(new Cell(null, 6, false), row.total());
        assertEquals(List.of(Cell.hidden("a"), new Cell("b", 3, false), Cell.hidden("c")), row.cells());
    }

    @Test
    void themesCoOccurWhereTheyShareAnswersSuppressedUnderKToo() {
        Map<Long, BitSet> members = new LinkedHashMap<>();
        members.put(1L, of(0, 1, 3, 4));
        members.put(2L, of(0, 3, 4, 5));
        members.put(3L, of(1, 2));
        var pairs = ThemeTable.of(ANSWERS, members, 3).cooccurrence();
        assertEquals(new ThemeTable.Pair(1, 2, 3, false), pairs.get(0));
        assertEquals(new ThemeTable.Pair(1, 3, null, true), pairs.get(1));
        assertEquals(new ThemeTable.Pair(2, 3, null, true), pairs.get(2));
        assertFalse(pairs.get(0).suppressed());
    }
}
