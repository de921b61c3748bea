package org.clusterlens.themes.control.suggestions;

import org.clusterlens.themes.control.LanguageAnalysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's baseline: each theme is the mean of its coded answers' TF-IDF vectors (the
 * learner's own terms and weights), and an answer gets the theme whose mean is nearest by cosine.
 */
final class NearestCentroid {
    private final AnswerTerms terms;
    private final TermWeights weights;
    private final Map<Long, double[]> centroids;

    private NearestCentroid(AnswerTerms terms, TermWeights weights, Map<Long, double[]> centroids) {
        this.terms = terms;
        this.weights = weights;
        this.centroids = centroids;
    }

    static NearestCentroid train(LanguageAnalysis analysis, List<CodedText> coded) {
        AnswerTerms terms = new AnswerTerms(analysis);
        List<Map<String, Integer>> answerTerms = coded.stream().map(c -> terms.of(c.answer())).toList();
        TermWeights weights = TermWeights.of(answerTerms);
        Map<Long, double[]> centroids = new TreeMap<>();
        for (int i = 0; i < coded.size(); i++) {
            SparseVector vector = weights.vector(answerTerms.get(i));
            for (long theme : coded.get(i).themes()) {
                vector.addTo(centroids.computeIfAbsent(theme, t -> new double[weights.size()]), 1);
            }
        }
        for (double[] centroid : centroids.values()) {
            double norm = Math.sqrt(Arrays.stream(centroid).map(v -> v * v).sum());
            if (norm > 0) {
                for (int k = 0; k < centroid.length; k++) {
                    centroid[k] /= norm;
                }
            }
        }
        return new NearestCentroid(terms, weights, centroids);
    }

    /** The nearest theme; the lowest id among equally near ones, as for an answer with no known term. */
    long nearest(AnswerText answer) {
        SparseVector vector = weights.vector(terms.of(answer));
        long best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Long, double[]> centroid : centroids.entrySet()) {
            double similarity = vector.dot(centroid.getValue());
            if (similarity > bestSimilarity) {
                best = centroid.getKey();
                bestSimilarity = similarity;
            }
        }
        return best;
    }
}
