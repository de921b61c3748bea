package org.clusterlens.themes.control.suggestions;

import org.clusterlens.themes.control.LanguageAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Learns from hand-coded answers which themes other answers are about: for each theme, a linear
 * SVM on TF-IDF of the answers' analysed words and two-word phrases (coded into the theme against
 * the rest), whose scores are calibrated into a confidence on held-out answers of a
 * {@value #FOLDS}-fold cross-validation. Themes with fewer than {@value #MIN_EXAMPLES} answers coded
 * into them get no suggestions. The same coded answers give the same model whatever their order.
 */
public final class SuggestionLearner {
    /** Below this, neither the weights nor the calibration mean anything. */
    public static final int MIN_EXAMPLES = 3;
    public static final int FOLDS = 5;

    private static final Comparator<CodedText> CANONICAL = Comparator
            .comparing((CodedText c) -> c.answer().text())
            .thenComparing(c -> c.answer().language())
            .thenComparing(c -> new TreeSet<>(c.themes()).toString())
            .thenComparing(c -> new TreeSet<>(c.notThemes()).toString());

    private final AnswerTerms terms;

    /** @param analysis the study's analysis, so that its stop words are left out here too */
    public SuggestionLearner(LanguageAnalysis analysis) {
        this.terms = new AnswerTerms(analysis);
    }

    public SuggestionModel train(List<CodedText> coded) {
        List<CodedText> answers = coded.stream().sorted(CANONICAL).toList();
        List<Map<String, Integer>> answerTerms = answers.stream().map(c -> terms.of(c.answer())).toList();
        List<Long> themes = learnable(answers);
        int[] folds = folds(answers);

        double[][] heldOutScores = new double[themes.size()][answers.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> training = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                (folds[i] == fold ? heldOut : training).add(i);
            }
            TermWeights weights = TermWeights.of(training.stream().map(answerTerms::get).toList());
            List<SparseVector> trainingVectors = training.stream().map(i -> weights.vector(answerTerms.get(i))).toList();
            List<SparseVector> heldOutVectors = heldOut.stream().map(i -> weights.vector(answerTerms.get(i))).toList();
            for (int t = 0; t < themes.size(); t++) {
                LinearSvm.Model model = fit(themes.get(t), answers, training, trainingVectors, weights.size());
                for (int h = 0; h < heldOut.size(); h++) {
                    heldOutScores[t][heldOut.get(h)] = model == null ? Double.NaN : model.score(heldOutVectors.get(h));
                }
            }
        }

        TermWeights weights = TermWeights.of(answerTerms);
        List<SparseVector> vectors = answerTerms.stream().map(weights::vector).toList();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            all.add(i);
        }
        List<SuggestionModel.ThemeScorer> scorers = new ArrayList<>();
        for (int t = 0; t < themes.size(); t++) {
            long theme = themes.get(t);
            scorers.add(new SuggestionModel.ThemeScorer(theme, fit(theme, answers, all, vectors, weights.size()),
                    calibration(theme, answers, heldOutScores[t])));
        }
        return new SuggestionModel(terms, weights, scorers, answers.size());
    }

    private static List<Long> learnable(List<CodedText> answers) {
        Map<Long, Long> positives = answers.stream().flatMap(c -> c.themes().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        return positives.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_EXAMPLES)
                .map(Map.Entry::getKey).sorted()
                .filter(theme -> answers.stream().anyMatch(c -> c.label(theme) < 0))
                .toList();
    }

    /**
     * Answers sorted by their first theme and dealt out in turn, so that every theme's answers are
     * spread over the folds as evenly as they can be.
     */
    private static int[] folds(List<CodedText> answers) {
        List<Integer> byTheme = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            byTheme.add(i);
        }
        byTheme.sort(Comparator.comparing((Integer i) -> answers.get(i).themes().stream()
                .min(Long::compare).orElse(Long.MAX_VALUE)).thenComparing(i -> i));
        int[] folds = new int[answers.size()];
        for (int position = 0; position < byTheme.size(); position++) {
            folds[byTheme.get(position)] = position % FOLDS;
        }
        return folds;
    }

    /** @return null when the training part lacks answers on one side of the theme */
    private static LinearSvm.Model fit(long theme, List<CodedText> answers, List<Integer> training,
            List<SparseVector> vectors, int dimensions) {
        List<SparseVector> examples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < training.size(); k++) {
            int label = answers.get(training.get(k)).label(theme);
            if (label != 0) {
                examples.add(vectors.get(k));
                labels.add(label);
            }
        }
        if (!labels.contains(1) || !labels.contains(-1)) {
            return null;
        }
        return LinearSvm.train(examples, labels.stream().mapToInt(Integer::intValue).toArray(), dimensions);
    }

    private static PlattScaling calibration(long theme, List<CodedText> answers, double[] heldOutScores) {
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            int label = answers.get(i).label(theme);
            if (label != 0 && !Double.isNaN(heldOutScores[i])) {
                scores.add(heldOutScores[i]);
                labels.add(label);
            }
        }
        return PlattScaling.fit(scores.stream().mapToDouble(Double::doubleValue).toArray(),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
