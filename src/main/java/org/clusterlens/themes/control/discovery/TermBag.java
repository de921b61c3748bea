package org.clusterlens.themes.control.discovery;

import java.util.Arrays;

/**
 * The distinct terms of one answer (ids in increasing order) with how often each occurs and, for
 * answers of the slice, where it first occurs in the text as typed ({@code starts}, {@code ends};
 * null for background answers, whose words are only counted).
 */
record TermBag(int[] terms, int[] counts, int[] starts, int[] ends) {
    static final TermBag EMPTY = new TermBag(new int[0], new int[0], null, null);

    boolean contains(int term) {
        return Arrays.binarySearch(terms, term) >= 0;
    }

    /** The first occurrence of {@code term} in {@code text}, as typed, its spaces collapsed. */
    String surface(String text, int term) {
        int i = Arrays.binarySearch(terms, term);
        return text.substring(starts[i], ends[i]).replaceAll("\\s+", " ");
    }
}
