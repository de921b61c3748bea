package org.clusterlens.themes.control.suggestions;

/** Feature indexes in increasing order with their values. */
record SparseVector(int[] indexes, double[] values) {
    double dot(double[] weights) {
        double sum = 0;
        for (int i = 0; i < indexes.length; i++) {
            sum += weights[indexes[i]] * values[i];
        }
        return sum;
    }

    void addTo(double[] weights, double factor) {
        for (int i = 0; i < indexes.length; i++) {
            weights[indexes[i]] += factor * values[i];
        }
    }

    double squaredNorm() {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return sum;
    }
}
