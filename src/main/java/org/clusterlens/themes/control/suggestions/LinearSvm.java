package org.clusterlens.themes.control.suggestions;

import java.util.List;
import java.util.Random;

/**
 * A linear support vector machine (L2-regularised squared hinge loss, as LIBLINEAR's and
 * scikit-learn's LinearSVC default) trained by dual coordinate descent (Hsieh et al., ICML 2008).
 * The bias is a constant feature of 1, regularised like the others, as LIBLINEAR does it.
 * Answers are visited in an order drawn from a fixed seed, so the same examples in the same order
 * always give the same weights; callers put the examples in a canonical order first.
 */
final class LinearSvm {
    /** The default of LIBLINEAR and scikit-learn; on L2-normalised TF-IDF it rarely needs changing. */
    static final double C = 1.0;
    static final int MAX_PASSES = 200;
    /** LIBLINEAR's stopping tolerance on the spread of projected gradients. */
    static final double TOLERANCE = 0.1;
    private static final long SEED = 20261202L;

    record Model(double[] weights, double bias) {
        double score(SparseVector answer) {
            return answer.dot(weights) + bias;
        }
    }

    private LinearSvm() {
    }

    /** @param labels +1 or -1 for each answer */
    static Model train(List<SparseVector> answers, int[] labels, int dimensions) {
        int n = answers.size();
        double diagonal = 1 / (2 * C);
        double[] weights = new double[dimensions];
        double bias = 0;
        double[] alpha = new double[n];
        double[] q = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = answers.get(i).squaredNorm() + 1 + diagonal;
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int i : order) {
                SparseVector x = answers.get(i);
                int y = labels[i];
                double gradient = y * (x.dot(weights) + bias) - 1 + diagonal * alpha[i];
                double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                highest = Math.max(highest, projected);
                lowest = Math.min(lowest, projected);
                if (projected != 0) {
                    double previous = alpha[i];
                    alpha[i] = Math.max(previous - gradient / q[i], 0);
                    double step = (alpha[i] - previous) * y;
                    x.addTo(weights, step);
                    bias += step;
                }
            }
            if (highest - lowest < TOLERANCE) {
                break;
            }
        }
        return new Model(weights, bias);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
    }
}
