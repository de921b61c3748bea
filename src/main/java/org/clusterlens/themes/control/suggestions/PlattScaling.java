package org.clusterlens.themes.control.suggestions;

/**
 * Turns a theme's score into the chance that the theme applies: a sigmoid 1 / (1 + e^(a·score + b))
 * fitted to held-out scores of hand-coded answers (Platt 1999, with the Newton method and the
 * smoothed targets of Lin, Lin and Weng 2007). The smoothed targets, (positives + 1) / (positives
 * + 2) and 1 / (negatives + 2), keep a theme with few examples from claiming certainty.
 */
record PlattScaling(double a, double b) {
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPSILON = 1e-5;

    double probability(double score) {
        double exponent = a * score + b;
        return exponent >= 0 ? Math.exp(-exponent) / (1 + Math.exp(-exponent)) : 1 / (1 + Math.exp(exponent));
    }

    /** @param labels +1 or -1 for each score */
    static PlattScaling fit(double[] scores, int[] labels) {
        int positives = 0;
        for (int label : labels) {
            positives += label > 0 ? 1 : 0;
        }
        int negatives = labels.length - positives;
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1 / (negatives + 2.0);
        double[] targets = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = labels[i] > 0 ? high : low;
        }
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double value = loss(scores, targets, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < scores.length; i++) {
                double p = new PlattScaling(a, b).probability(scores[i]);
                double d2 = p * (1 - p);
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                double d1 = targets[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
                break;
            }
            double determinant = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / determinant;
            double db = -(-h21 * g1 + h11 * g2) / determinant;
            double descent = g1 * da + g2 * db;
            double step = 1;
            while (step >= MIN_STEP) {
                double nextA = a + step * da;
                double nextB = b + step * db;
                double next = loss(scores, targets, nextA, nextB);
                if (next < value + 0.0001 * step * descent) {
                    a = nextA;
                    b = nextB;
                    value = next;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] scores, double[] targets, double a, double b) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double exponent = scores[i] * a + b;
            sum += exponent >= 0 ? targets[i] * exponent + Math.log1p(Math.exp(-exponent))
                    : (targets[i] - 1) * exponent + Math.log1p(Math.exp(exponent));
        }
        return sum;
    }
}
