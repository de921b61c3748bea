package org.clusterlens.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * How far a clustering agrees with a reference coding, over every answer: an answer in no cluster
 * counts as one more cluster, "unassigned", so that leaving answers out is not free.
 * NMI is normalised by the arithmetic mean of the two entropies (scikit-learn's default).
 */
final class ClusteringScores {
    static final int UNASSIGNED = -1;

    record Scores(double nmi, double ari, double purity, double unassigned) {
    }

    private ClusteringScores() {
    }

    static Scores of(int[] clusters, int[] reference) {
        int n = clusters.length;
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> byCluster = new HashMap<>();
        Map<Integer, Integer> byReference = new HashMap<>();
        int unassigned = 0;
        for (int i = 0; i < n; i++) {
            cells.merge(((long) clusters[i] << 32) ^ (reference[i] & 0xffffffffL), 1, Integer::sum);
            byCluster.merge(clusters[i], 1, Integer::sum);
            byReference.merge(reference[i], 1, Integer::sum);
            if (clusters[i] == UNASSIGNED) {
                unassigned++;
            }
        }
        return new Scores(nmi(cells, byCluster, byReference, n), ari(cells, byCluster, byReference, n),
                purity(cells, n), (double) unassigned / n);
    }

    /** NMI of two clusterings of the same answers, as the stability check needs. */
    static double nmi(int[] a, int[] b) {
        return of(a, b).nmi();
    }

    private static double nmi(Map<Long, Integer> cells, Map<Integer, Integer> byCluster,
                              Map<Integer, Integer> byReference, int n) {
        double mutual = 0;
        for (Map.Entry<Long, Integer> cell : cells.entrySet()) {
            int cluster = (int) (cell.getKey() >> 32);
            int reference = (int) (long) cell.getKey();
            double p = (double) cell.getValue() / n;
            mutual += p * Math.log(p / ((double) byCluster.get(cluster) / n * byReference.get(reference) / n));
        }
        double mean = (entropy(byCluster, n) + entropy(byReference, n)) / 2;
        return mean == 0 ? 1 : mutual / mean;
    }

    private static double entropy(Map<Integer, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return h;
    }

    private static double ari(Map<Long, Integer> cells, Map<Integer, Integer> byCluster,
                              Map<Integer, Integer> byReference, int n) {
        double index = cells.values().stream().mapToDouble(ClusteringScores::pairs).sum();
        double a = byCluster.values().stream().mapToDouble(ClusteringScores::pairs).sum();
        double b = byReference.values().stream().mapToDouble(ClusteringScores::pairs).sum();
        double expected = a * b / pairs(n);
        double max = (a + b) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double purity(Map<Long, Integer> cells, int n) {
        Map<Integer, Integer> largest = new HashMap<>();
        cells.forEach((key, count) -> largest.merge((int) (key >> 32), count, Math::max));
        return (double) largest.values().stream().mapToInt(Integer::intValue).sum() / n;
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
