package org.clusterlens.themes.control.discovery;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.clusterlens.themes.control.LanguageAnalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts answers into terms with the index's own analysis (the respondent's language, its stop
 * words and the study's): each analysed word, and each pair of neighbouring words, which is a
 * phrase as people write it ("waiting time", "access to finance": a left-out stop word between
 * two words does not part them). Punctuation that ends a clause does, so that "Good staff. Food
 * cold" has no phrase "staff food". Term ids are handed out in the order answers are analysed.
 */
final class TermAnalysis {
    private static final String FIELD = "text";
    /** What ends a clause between two words: a pair across it is no phrase. */
    private static final String BREAKS = ".!?;:,()[]{}\"“”«»…/|\n\r\t؟،؛";
    private static final int MAX_GAP = 24;

    private final LanguageAnalysis analysis;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();

    TermAnalysis(LanguageAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The analysed form of each term id: a word, or two words joined by one space. */
    List<String> terms() {
        return terms;
    }

    int size() {
        return terms.size();
    }

    /** The answer's terms, with where each first occurs (for phrases shown as typed). */
    TermBag bag(SliceAnswer answer) {
        return bag(answer, true);
    }

    /**
     * Adds one to {@code answers[t]} for each known term {@code t} of the answer: a background
     * answer is counted against the slice's terms and adds none of its own.
     */
    void countKnown(SliceAnswer answer, int[] answers) {
        for (int t : bag(answer, false).terms()) {
            answers[t]++;
        }
    }

    private TermBag bag(SliceAnswer answer, boolean where) {
        Map<Integer, int[]> found = new HashMap<>();
        String text = answer.text();
        try (TokenStream tokens = analysis.text(answer.language()).tokenStream(FIELD, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            String previous = null;
            int previousStart = 0;
            int previousEnd = 0;
            while (tokens.incrementToken()) {
                String word = term.toString();
                int start = offset.startOffset();
                int end = offset.endOffset();
                count(found, word, start, end, where);
                if (previous != null && joined(text, previousEnd, start)) {
                    count(found, previous + " " + word, previousStart, end, where);
                }
                previous = word;
                previousStart = start;
                previousEnd = end;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            return TermBag.EMPTY;
        }
        int[] ids = found.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] counts = new int[ids.length];
        int[] starts = where ? new int[ids.length] : null;
        int[] ends = where ? new int[ids.length] : null;
        for (int i = 0; i < ids.length; i++) {
            int[] f = found.get(ids[i]);
            counts[i] = f[0];
            if (where) {
                starts[i] = f[1];
                ends[i] = f[2];
            }
        }
        return new TermBag(ids, counts, starts, ends);
    }

    private void count(Map<Integer, int[]> found, String term, int start, int end, boolean grow) {
        Integer id = ids.get(term);
        if (id == null) {
            if (!grow) {
                return;
            }
            id = terms.size();
            ids.put(term, id);
            terms.add(term);
        }
        int[] f = found.get(id);
        if (f == null) {
            found.put(id, new int[]{1, start, end});
        } else {
            f[0]++;
        }
    }

    private static boolean joined(String text, int from, int to) {
        if (from > to || to - from > MAX_GAP || to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (BREAKS.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
