package org.clusterlens.themes.control.discovery;

import java.util.Arrays;

/**
 * The k unit-length centres of spherical k-means, stored term by term (the k weights of a term
 * side by side): the cosines of an answer with every centre then read one short row per term of
 * the answer, instead of k scattered reads, which made assignment several times faster.
 */
final class Centres {
    private final int k;
    private final int dims;
    private final float[] weights;

    private Centres(int k, int dims, float[] weights) {
        this.k = k;
        this.dims = dims;
        this.weights = weights;
    }

    /** Centres at the given points (unit vectors already). */
    static Centres at(SparseVector[] points, int dims) {
        int k = points.length;
        float[] weights = new float[dims * k];
        for (int c = 0; c < k; c++) {
            SparseVector p = points[c];
            for (int i = 0; i < p.index().length; i++) {
                weights[p.index()[i] * k + c] = p.value()[i];
            }
        }
        return new Centres(k, dims, weights);
    }

    int size() {
        return k;
    }

    /** The cosine of {@code point} with each centre, into {@code into} (length k). */
    void similarities(SparseVector point, double[] into) {
        Arrays.fill(into, 0);
        int[] index = point.index();
        float[] value = point.value();
        for (int i = 0; i < index.length; i++) {
            int row = index[i] * k;
            float v = value[i];
            for (int c = 0; c < k; c++) {
                into[c] += v * weights[row + c];
            }
        }
    }

    double similarity(SparseVector point, int centre) {
        double sum = 0;
        for (int i = 0; i < point.index().length; i++) {
            sum += point.value()[i] * weights[point.index()[i] * k + centre];
        }
        return sum;
    }

    /**
     * Each centre moved to the normalised sum of its points; a centre left without points keeps its
     * place, since dropping it would renumber the others.
     */
    Centres moved(SparseVector[] points, int[] assigned) {
        float[] sums = new float[dims * k];
        boolean[] held = new boolean[k];
        for (int p = 0; p < points.length; p++) {
            int c = assigned[p];
            if (c < 0) {
                continue;
            }
            held[c] = true;
            int[] index = points[p].index();
            float[] value = points[p].value();
            for (int i = 0; i < index.length; i++) {
                sums[index[i] * k + c] += value[i];
            }
        }
        double[] norms = new double[k];
        for (int t = 0; t < dims; t++) {
            int row = t * k;
            for (int c = 0; c < k; c++) {
                double w = sums[row + c];
                norms[c] += w * w;
            }
        }
        float[] scale = new float[k];
        for (int c = 0; c < k; c++) {
            held[c] &= norms[c] > 0;
            scale[c] = held[c] ? (float) (1 / Math.sqrt(norms[c])) : 0;
        }
        for (int t = 0; t < dims; t++) {
            int row = t * k;
            for (int c = 0; c < k; c++) {
                sums[row + c] = held[c] ? sums[row + c] * scale[c] : weights[row + c];
            }
        }
        return new Centres(k, dims, sums);
    }
}
