package org.clusterlens.themes.control.discovery;

/** A unit-length vector over the slice's vocabulary, by its non-zero entries in increasing order. */
record SparseVector(int[] index, float[] value) {
    boolean isEmpty() {
        return index.length == 0;
    }

    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < index.length && j < other.index.length) {
            if (index[i] == other.index[j]) {
                sum += value[i++] * other.value[j++];
            } else if (index[i] < other.index[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
