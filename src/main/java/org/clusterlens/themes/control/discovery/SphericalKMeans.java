package org.clusterlens.themes.control.discovery;

import java.util.Arrays;

/**
 * k-means on the unit sphere: answers go to the centroid of highest cosine, and a centroid is
 * the normalised sum of its answers (Dhillon and Modha 2001). Seeded by k-means++ with the
 * distance 1 − cosine, run from a few seeds, and the run with the highest total cosine kept.
 * Every tie goes to the lower index, so that the same points in the same order always give the
 * same centroids.
 */
final class SphericalKMeans {
    private SphericalKMeans() {
    }

    /** Centroids, fewer than {@code k} when the points have fewer distinct directions. */
    static float[][] cluster(SparseVector[] points, int k, int dims, ContentSeed seed, int restarts, int iterations) {
        float[][] best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            float[][] centroids = seeds(points, k, dims, seed.fork(r));
            int[] assigned = new int[points.length];
            Arrays.fill(assigned, -1);
            double objective = lloyd(points, centroids, assigned, iterations);
            if (objective > bestObjective) {
                bestObjective = objective;
                best = centroids;
            }
        }
        return best;
    }

    /** The centroid of highest cosine; -1 for a point without terms. */
    static int nearest(SparseVector point, float[][] centroids) {
        if (point.isEmpty()) {
            return -1;
        }
        int best = 0;
        double bestSimilarity = point.dot(centroids[0]);
        for (int c = 1; c < centroids.length; c++) {
            double similarity = point.dot(centroids[c]);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = c;
            }
        }
        return best;
    }

    /**
     * Assigns and moves the centroids (in place) until no point changes centroid, at most
     * {@code iterations} times; {@code assigned} holds the last assignment. Returns the total cosine.
     */
    static double lloyd(SparseVector[] points, float[][] centroids, int[] assigned, int iterations) {
        double objective = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            boolean changed = false;
            objective = 0;
            for (int i = 0; i < points.length; i++) {
                int c = nearest(points[i], centroids);
                if (c >= 0) {
                    objective += points[i].dot(centroids[c]);
                }
                if (c != assigned[i]) {
                    assigned[i] = c;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            move(points, centroids, assigned);
        }
        return objective;
    }

    /** A centroid left without points keeps its place: dropping it would renumber the others. */
    private static void move(SparseVector[] points, float[][] centroids, int[] assigned) {
        int k = centroids.length;
        int dims = centroids[0].length;
        float[][] sums = new float[k][];
        for (int i = 0; i < points.length; i++) {
            int c = assigned[i];
            if (c >= 0) {
                if (sums[c] == null) {
                    sums[c] = new float[dims];
                }
                points[i].addTo(sums[c]);
            }
        }
        for (int c = 0; c < k; c++) {
            if (sums[c] != null && normalise(sums[c])) {
                centroids[c] = sums[c];
            }
        }
    }

    private static float[][] seeds(SparseVector[] points, int k, int dims, ContentSeed random) {
        int n = points.length;
        float[][] chosen = new float[k][];
        double[] similarity = new double[n];
        Arrays.fill(similarity, -1);
        int count = 0;
        int next = random.nextInt(n);
        while (true) {
            float[] centroid = new float[dims];
            points[next].addTo(centroid);
            chosen[count++] = centroid;
            if (count == k) {
                break;
            }
            double total = 0;
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                similarity[i] = Math.max(similarity[i], points[i].dot(centroid));
                double distance = Math.max(0, 1 - similarity[i]);
                weight[i] = distance * distance;
                total += weight[i];
            }
            // below this, every point sits on a chosen centroid: there are no more distinct directions
            if (total < 1e-9) {
                break;
            }
            double target = random.nextDouble() * total;
            next = n - 1;
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += weight[i];
                if (running > target && weight[i] > 0) {
                    next = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    private static boolean normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return false;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return true;
    }
}
