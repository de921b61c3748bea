package org.clusterlens.themes.control.discovery;

import java.util.Arrays;

/**
 * k-means on the unit sphere: answers go to the centre of highest cosine, and a centre is the
 * normalised sum of its answers (Dhillon and Modha 2001). Seeded by k-means++ with the distance
 * 1 − cosine, run from a few seeds, and the run with the highest total cosine kept. Every tie
 * goes to the lower index, so that the same points in the same order always give the same centres.
 */
final class SphericalKMeans {
    private SphericalKMeans() {
    }

    /** A clustering: the centres and each point's centre (-1 for a point without terms). */
    record Clustering(Centres centres, int[] assigned, double objective) {
    }

    /** Fewer than {@code k} centres when the points have fewer distinct directions. */
    static Clustering cluster(SparseVector[] points, int k, int dims, ContentSeed seed, int restarts, int iterations) {
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering run = lloyd(points, Centres.at(seeds(points, k, seed.fork(r)), dims), iterations);
            if (best == null || run.objective() > best.objective()) {
                best = run;
            }
        }
        return best;
    }

    /** Assigns and moves the centres until no point changes centre, at most {@code iterations} moves. */
    static Clustering lloyd(SparseVector[] points, Centres start, int iterations) {
        Centres centres = start;
        int[] assigned = new int[points.length];
        Arrays.fill(assigned, -1);
        double[] similarity = new double[centres.size()];
        for (int iteration = 0; ; iteration++) {
            boolean changed = false;
            double objective = 0;
            for (int i = 0; i < points.length; i++) {
                int c = nearest(points[i], centres, similarity);
                if (c >= 0) {
                    objective += similarity[c];
                }
                if (c != assigned[i]) {
                    assigned[i] = c;
                    changed = true;
                }
            }
            if (!changed || iteration == iterations) {
                return new Clustering(centres, assigned, objective);
            }
            centres = centres.moved(points, assigned);
        }
    }

    /** The centre of highest cosine, the cosines left in {@code similarity}; -1 for a point without terms. */
    static int nearest(SparseVector point, Centres centres, double[] similarity) {
        if (point.isEmpty()) {
            return -1;
        }
        centres.similarities(point, similarity);
        int best = 0;
        for (int c = 1; c < similarity.length; c++) {
            if (similarity[c] > similarity[best]) {
                best = c;
            }
        }
        return best;
    }

    private static SparseVector[] seeds(SparseVector[] points, int k, ContentSeed random) {
        int n = points.length;
        SparseVector[] chosen = new SparseVector[k];
        double[] similarity = new double[n];
        Arrays.fill(similarity, -1);
        double[] weight = new double[n];
        int count = 0;
        int next = random.nextInt(n);
        while (true) {
            SparseVector centre = points[next];
            chosen[count++] = centre;
            if (count == k) {
                break;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                similarity[i] = Math.max(similarity[i], points[i].dot(centre));
                double distance = Math.max(0, 1 - similarity[i]);
                weight[i] = distance * distance;
                total += weight[i];
            }
            // below this, every point sits on a chosen centre: there are no more distinct directions
            if (total < 1e-9) {
                break;
            }
            double target = random.nextDouble() * total;
            next = -1;
            double running = 0;
            for (int i = 0; i < n && next < 0; i++) {
                running += weight[i];
                if (running > target && weight[i] > 0) {
                    next = i;
                }
            }
            if (next < 0) {
                next = lastWeighted(weight);
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    /** Rounding can leave the running sum just short of the target: the last point that weighs anything. */
    private static int lastWeighted(double[] weight) {
        for (int i = weight.length - 1; ; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
    }
}
