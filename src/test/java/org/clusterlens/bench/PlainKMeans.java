package org.clusterlens.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The textbook baseline: k-means (Lloyd, squared Euclidean distance) on L2-normalised TF-IDF
 * vectors of the analysed words, no word pairs, initial centres k answers drawn at random,
 * one run. The same analyzer as discovery, so that the comparison is of the method alone.
 */
final class PlainKMeans {
    private static final int ITERATIONS = 100;

    private PlainKMeans() {
    }

    /** Each answer's cluster; {@link ClusteringScores#UNASSIGNED} for one without words. */
    static int[] cluster(List<String> texts, Analyzer analyzer, int k, long seed) {
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (String text : texts) {
            Map<Integer, Integer> bag = new TreeMap<>();
            for (String word : words(analyzer, text)) {
                bag.merge(ids.computeIfAbsent(word, w -> ids.size()), 1, Integer::sum);
            }
            counts.add(bag);
        }
        int[] df = new int[ids.size()];
        counts.forEach(bag -> bag.keySet().forEach(t -> df[t]++));
        int n = texts.size();
        int[][] index = new int[n][];
        double[][] value = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> bag = counts.get(i);
            index[i] = bag.keySet().stream().mapToInt(Integer::intValue).toArray();
            value[i] = new double[index[i].length];
            double norm = 0;
            for (int j = 0; j < index[i].length; j++) {
                double w = bag.get(index[i][j]) * (Math.log((1.0 + n) / (1.0 + df[index[i][j]])) + 1);
                value[i][j] = w;
                norm += w * w;
            }
            for (int j = 0; j < value[i].length; j++) {
                value[i][j] /= Math.sqrt(norm);
            }
        }
        int dims = ids.size();
        int[] usable = java.util.stream.IntStream.range(0, n).filter(i -> index[i].length > 0).toArray();
        Random random = new Random(seed);
        double[][] centres = new double[k][dims];
        for (int c = 0; c < k; c++) {
            int i = usable[random.nextInt(usable.length)];
            for (int j = 0; j < index[i].length; j++) {
                centres[c][index[i][j]] = value[i][j];
            }
        }
        int[] assigned = new int[n];
        Arrays.fill(assigned, ClusteringScores.UNASSIGNED);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] squaredNorm = new double[k];
            for (int c = 0; c < k; c++) {
                for (double x : centres[c]) {
                    squaredNorm[c] += x * x;
                }
            }
            boolean changed = false;
            for (int i : usable) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dot = 0;
                    for (int j = 0; j < index[i].length; j++) {
                        dot += value[i][j] * centres[c][index[i][j]];
                    }
                    double distance = squaredNorm[c] - 2 * dot;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                if (assigned[i] != best) {
                    assigned[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][dims];
            int[] sizes = new int[k];
            for (int i : usable) {
                sizes[assigned[i]]++;
                for (int j = 0; j < index[i].length; j++) {
                    sums[assigned[i]][index[i][j]] += value[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int d = 0; d < dims; d++) {
                        sums[c][d] /= sizes[c];
                    }
                    centres[c] = sums[c];
                }
            }
        }
        return assigned;
    }

    private static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
