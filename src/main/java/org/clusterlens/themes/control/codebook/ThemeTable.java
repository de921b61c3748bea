package org.clusterlens.themes.control.codebook;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers per theme and category (actor type, sector or wave), and per pair of themes, with every
 * cell that rests on fewer than {@code k} respondents suppressed: such a cell says nothing but
 * that it is suppressed. A theme's total is shown beside its cells, so a row with a single
 * suppressed cell would give it away by subtraction; the smallest other cell of that row is
 * suppressed with it.
 */
public final class ThemeTable {

    /** One answer: who gave it (distinct respondents are what k counts) and its category, null if none. */
    public record Answer(String respondent, String category) {
    }

    /** {@code answers} is null when suppressed. */
    public record Cell(String category, Integer answers, boolean suppressed) {
        static Cell shown(String category, int answers) {
            return new Cell(category, answers, false);
        }

        static Cell hidden(String category) {
            return new Cell(category, null, true);
        }
    }

    public record Row(long themeId, Cell total, List<Cell> cells) {
    }

    /** Answers in both themes. */
    public record Pair(long first, long second, Integer answers, boolean suppressed) {
    }

    public record Table(List<String> categories, List<Row> rows, List<Pair> cooccurrence) {
    }

    private ThemeTable() {
    }

    /**
     * @param answers every answer counted, by position
     * @param members for each theme, in the order wanted, the positions of its answers
     */
    public static Table of(List<Answer> answers, Map<Long, BitSet> members, int k) {
        Set<String> present = new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()));
        answers.forEach(a -> present.add(a.category()));
        List<String> categories = new ArrayList<>(present);
        List<Row> rows = new ArrayList<>();
        members.forEach((theme, in) -> rows.add(row(theme, in, answers, categories, k)));
        List<Pair> pairs = new ArrayList<>();
        List<Map.Entry<Long, BitSet>> themes = new ArrayList<>(members.entrySet());
        for (int i = 0; i < themes.size(); i++) {
            for (int j = i + 1; j < themes.size(); j++) {
                BitSet both = (BitSet) themes.get(i).getValue().clone();
                both.and(themes.get(j).getValue());
                boolean hidden = respondents(both, answers) < k;
                pairs.add(new Pair(themes.get(i).getKey(), themes.get(j).getKey(), hidden ? null : both.cardinality(), hidden));
            }
        }
        // a category may be null (no sector), which List.copyOf refuses
        return new Table(Collections.unmodifiableList(categories), List.copyOf(rows), List.copyOf(pairs));
    }

    private static Row row(long theme, BitSet in, List<Answer> answers, List<String> categories, int k) {
        Map<String, BitSet> byCategory = new LinkedHashMap<>();
        categories.forEach(c -> byCategory.put(c, new BitSet()));
        in.stream().forEach(i -> byCategory.get(answers.get(i).category()).set(i));
        List<Cell> cells = new ArrayList<>();
        byCategory.forEach((category, set) -> cells.add(respondents(set, answers) < k ? Cell.hidden(category)
                : Cell.shown(category, set.cardinality())));
        Cell total = respondents(in, answers) < k ? Cell.hidden(null) : Cell.shown(null, in.cardinality());
        if (!total.suppressed() && cells.stream().filter(Cell::suppressed).count() == 1) {
            cells.stream().filter(c -> !c.suppressed()).min(Comparator.comparing(Cell::answers))
                    .ifPresent(smallest -> cells.set(cells.indexOf(smallest), Cell.hidden(smallest.category())));
        }
        return new Row(theme, total, List.copyOf(cells));
    }

    private static int respondents(BitSet positions, List<Answer> answers) {
        Set<String> who = new HashSet<>();
        positions.stream().forEach(i -> who.add(Objects.requireNonNullElse(answers.get(i).respondent(), "#" + i)));
        return who.size();
    }
}
