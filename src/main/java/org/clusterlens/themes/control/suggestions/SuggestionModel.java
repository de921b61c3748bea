package org.clusterlens.themes.control.suggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link SuggestionLearner} learnt from a study's hand coding: proposes themes for answers
 * nobody coded. Immutable; safe to share between threads.
 */
public final class SuggestionModel {
    record ThemeScorer(long themeId, LinearSvm.Model model, PlattScaling calibration) {
    }

    private static final Comparator<Suggestion> MOST_CONFIDENT_FIRST = Comparator
            .comparingDouble(Suggestion::confidence).reversed().thenComparingLong(Suggestion::themeId);

    private final AnswerTerms terms;
    private final TermWeights weights;
    private final List<ThemeScorer> scorers;
    private final int codedAnswers;

    SuggestionModel(AnswerTerms terms, TermWeights weights, List<ThemeScorer> scorers, int codedAnswers) {
        this.terms = terms;
        this.weights = weights;
        this.scorers = List.copyOf(scorers);
        this.codedAnswers = codedAnswers;
    }

    /**
     * @param max at most this many suggestions, most confident first (ties by theme id)
     * @param minConfidence only suggestions at least this confident, from 0 to 1
     */
    public List<Suggestion> suggest(AnswerText answer, int max, double minConfidence) {
        if (max < 0 || !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("max must be 0 or more and minConfidence from 0 to 1");
        }
        SparseVector vector = weights.vector(terms.of(answer));
        List<Suggestion> suggestions = new ArrayList<>();
        for (ThemeScorer scorer : scorers) {
            double confidence = scorer.calibration().probability(scorer.model().score(vector));
            if (confidence >= minConfidence) {
                suggestions.add(new Suggestion(scorer.themeId(), confidence));
            }
        }
        suggestions.sort(MOST_CONFIDENT_FIRST);
        return List.copyOf(suggestions.subList(0, Math.min(max, suggestions.size())));
    }

    /** The themes it may suggest: those with at least {@value SuggestionLearner#MIN_EXAMPLES} coded answers. */
    public Set<Long> themes() {
        Set<Long> themes = new TreeSet<>();
        scorers.forEach(s -> themes.add(s.themeId()));
        return themes;
    }

    public int codedAnswers() {
        return codedAnswers;
    }
}
