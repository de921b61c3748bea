package org.clusterlens.themes.control.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of one theme: its terms ranked by G² against the background, those more common in
 * the theme only, each shown as the theme's own answers most often wrote it. A word that a phrase
 * listed before it already holds is left out ("waiting" after "waiting time").
 */
final class ThemePhrases {
    static final int LISTED = 8;
    static final int IN_LABEL = 3;
    /** A seed query stops at this many phrases, or once it finds this share of the theme's answers. */
    static final int SEED_PHRASES = 10;
    static final double SEED_COVER = 0.9;
    /** A phrase of a theme of at least this size must be in two of its answers: one answer is an anecdote. */
    private static final int SMALL_THEME = 4;

    private final List<String> terms;
    private final int[] sliceAnswers;
    private final int[] outsideAnswers;
    private final int sliceSize;
    private final int outsideSize;
    private final Background background;

    /**
     * @param sliceAnswers   answers of the slice holding each term
     * @param outsideAnswers answers of the study outside the slice holding each term
     */
    ThemePhrases(List<String> terms, int[] sliceAnswers, int sliceSize, int[] outsideAnswers, int outsideSize,
                 Background background) {
        this.terms = terms;
        this.sliceAnswers = sliceAnswers;
        this.sliceSize = sliceSize;
        this.outsideAnswers = outsideAnswers;
        this.outsideSize = outsideSize;
        this.background = background;
    }

    private int backgroundSize(int themeSize) {
        return background == Background.STUDY ? sliceSize - themeSize + outsideSize : outsideSize;
    }

    /** The phrases listed for a theme, and those its saved query starts with if it is accepted. */
    record Words(List<Phrase> listed, List<Phrase> seed) {
    }

    private record Ranked(int term, int inTheme, int inBackground, double g2) {
    }

    /** @param members the theme's answers and their bags, in content order */
    Words of(List<SliceAnswer> members, List<TermBag> bags) {
        int size = members.size();
        Map<Integer, Integer> inTheme = new HashMap<>();
        for (TermBag bag : bags) {
            for (int t : bag.terms()) {
                inTheme.merge(t, 1, Integer::sum);
            }
        }
        int backgroundSize = backgroundSize(size);
        int least = size >= SMALL_THEME ? 2 : 1;
        List<Ranked> ranked = new ArrayList<>();
        inTheme.forEach((term, count) -> {
            int outside = outsideAnswers[term];
            int inBackground = background == Background.STUDY ? sliceAnswers[term] - count + outside : outside;
            if (count >= least && LogLikelihood.overRepresented(count, size, inBackground, backgroundSize)) {
                ranked.add(new Ranked(term, count, inBackground, LogLikelihood.g2(count, size, inBackground, backgroundSize)));
            }
        });
        ranked.sort(Comparator.comparingDouble(Ranked::g2).reversed().thenComparing(r -> terms.get(r.term())));
        List<Ranked> chosen = new ArrayList<>();
        for (Ranked r : ranked) {
            if (chosen.size() == LISTED) {
                break;
            }
            String term = terms.get(r.term());
            boolean heldByChosenPair = !term.contains(" ") && chosen.stream().map(c -> terms.get(c.term()))
                    .anyMatch(c -> c.startsWith(term + " ") || c.endsWith(" " + term));
            if (!heldByChosenPair) {
                chosen.add(r);
            }
        }
        return new Words(phrases(chosen, members, bags), phrases(covering(ranked, bags), members, bags));
    }

    private List<Phrase> phrases(List<Ranked> chosen, List<SliceAnswer> members, List<TermBag> bags) {
        List<Phrase> phrases = new ArrayList<>();
        for (Ranked r : chosen) {
            phrases.add(new Phrase(surface(r.term(), members, bags), terms.get(r.term()), r.inTheme(), r.inBackground(),
                    r.g2()));
        }
        return phrases;
    }

    /**
     * Greedy cover: the phrase that finds the most answers of the theme not yet found, weighed by
     * the share of its answers that are in the theme, until a query of them finds most of the
     * theme. The listed phrases set the theme apart; these make a query that holds it.
     */
    private static List<Ranked> covering(List<Ranked> ranked, List<TermBag> bags) {
        boolean[] found = new boolean[bags.size()];
        int foundCount = 0;
        List<Ranked> chosen = new ArrayList<>();
        while (chosen.size() < SEED_PHRASES && foundCount < SEED_COVER * bags.size()) {
            Ranked best = null;
            double bestGain = 0;
            for (Ranked r : ranked) {
                int fresh = 0;
                for (int i = 0; i < bags.size(); i++) {
                    if (!found[i] && bags.get(i).contains(r.term())) {
                        fresh++;
                    }
                }
                double gain = fresh * (double) r.inTheme() / (r.inTheme() + r.inBackground());
                if (gain > bestGain) {
                    best = r;
                    bestGain = gain;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            for (int i = 0; i < bags.size(); i++) {
                if (!found[i] && bags.get(i).contains(best.term())) {
                    found[i] = true;
                    foundCount++;
                }
            }
        }
        return chosen;
    }

    static String label(List<Phrase> phrases) {
        return String.join(", ", phrases.stream().limit(IN_LABEL).map(Phrase::text).toList());
    }

    /** The most frequent form among the theme's answers; of equally frequent ones, the first in alphabetical order. */
    private static String surface(int term, List<SliceAnswer> members, List<TermBag> bags) {
        Map<String, Integer> forms = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            if (bags.get(i).contains(term)) {
                forms.merge(bags.get(i).surface(members.get(i).text(), term), 1, Integer::sum);
            }
        }
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }
}
