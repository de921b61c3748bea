package org.clusterlens.themes.control.suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF over the terms of the coded answers: a term's weight in an answer is (1 + ln count) ×
 * (1 + ln((1 + n) / (1 + answers with the term))), and each answer's vector has length 1, so that
 * long answers do not outweigh short ones. Terms found in one coded answer only are left out: they
 * can only learn that answer by heart. Terms are numbered in sorted order, so the same answers give
 * the same numbering whatever their order.
 */
final class TermWeights {
    static final int MIN_ANSWERS_PER_TERM = 2;

    private final Map<String, Integer> numbers;
    private final double[] idf;

    private TermWeights(Map<String, Integer> numbers, double[] idf) {
        this.numbers = numbers;
        this.idf = idf;
    }

    static TermWeights of(List<Map<String, Integer>> answers) {
        TreeMap<String, Integer> answersPerTerm = new TreeMap<>();
        for (Map<String, Integer> terms : answers) {
            terms.keySet().forEach(term -> answersPerTerm.merge(term, 1, Integer::sum));
        }
        Map<String, Integer> numbers = new HashMap<>();
        List<Double> idf = new ArrayList<>();
        answersPerTerm.forEach((term, count) -> {
            if (count >= MIN_ANSWERS_PER_TERM) {
                numbers.put(term, numbers.size());
                idf.add(1 + Math.log((1.0 + answers.size()) / (1.0 + count)));
            }
        });
        return new TermWeights(numbers, idf.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int size() {
        return idf.length;
    }

    SparseVector vector(Map<String, Integer> terms) {
        TreeMap<Integer, Double> weights = new TreeMap<>();
        terms.forEach((term, count) -> {
            Integer number = numbers.get(term);
            if (number != null) {
                weights.put(number, (1 + Math.log(count)) * idf[number]);
            }
        });
        int[] indexes = weights.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = weights.values().stream().mapToDouble(Double::doubleValue).toArray();
        double norm = Math.sqrt(Arrays.stream(values).map(v -> v * v).sum());
        if (norm > 0) {
            Arrays.setAll(values, i -> values[i] / norm);
        }
        return new SparseVector(indexes, values);
    }
}
