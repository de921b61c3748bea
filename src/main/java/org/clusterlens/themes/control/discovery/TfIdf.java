package org.clusterlens.themes.control.discovery;

/**
 * TF-IDF vectors of the slice's answers over its usable terms: those that at least two answers
 * share, since a term of one answer cannot bring it nearer to any other. Term frequency is
 * dampened (1 + ln tf) so that a word typed five times does not outweigh four others; idf is the
 * smoothed ln((1 + n) / (1 + df)) + 1. Vectors are L2-normalised, so that a dot product is a cosine.
 */
final class TfIdf {
    static final int MIN_ANSWERS = 2;

    private TfIdf() {
    }

    /** Answers per term id among {@code bags}. */
    static int[] documentFrequencies(TermBag[] bags, int terms) {
        int[] df = new int[terms];
        for (TermBag bag : bags) {
            for (int t : bag.terms()) {
                df[t]++;
            }
        }
        return df;
    }

    /** The column of each usable term, in term id order; -1 for the others. */
    static int[] columns(int[] df) {
        int[] columns = new int[df.length];
        int next = 0;
        for (int t = 0; t < df.length; t++) {
            columns[t] = df[t] >= MIN_ANSWERS ? next++ : -1;
        }
        return columns;
    }

    /** One vector per bag over the columns of {@link #columns}; empty for a bag without a usable term. */
    static SparseVector[] vectors(TermBag[] bags, int[] df, int[] columns) {
        int n = bags.length;
        SparseVector[] vectors = new SparseVector[n];
        for (int a = 0; a < n; a++) {
            TermBag bag = bags[a];
            int usable = 0;
            for (int t : bag.terms()) {
                if (df[t] >= MIN_ANSWERS) {
                    usable++;
                }
            }
            int[] index = new int[usable];
            float[] value = new float[usable];
            double norm = 0;
            int i = 0;
            for (int j = 0; j < bag.terms().length; j++) {
                int t = bag.terms()[j];
                if (df[t] >= MIN_ANSWERS) {
                    double w = (1 + Math.log(bag.counts()[j])) * (Math.log((1.0 + n) / (1.0 + df[t])) + 1);
                    index[i] = columns[t];
                    value[i++] = (float) w;
                    norm += w * w;
                }
            }
            double length = Math.sqrt(norm);
            for (int j = 0; j < usable; j++) {
                value[j] = (float) (value[j] / length);
            }
            vectors[a] = new SparseVector(index, value);
        }
        return vectors;
    }
}
