package org.clusterlens.themes.control;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Joins the highlighter's passages of an answer into one {@link Snippet}, in the order they appear. */
final class SnippetFormatter extends PassageFormatter {
    static final String ELLIPSIS = "\u2026";

    @Override
    public Snippet format(Passage[] passages, String content) {
        Passage[] ordered = passages.clone();
        Arrays.sort(ordered, Comparator.comparingInt(Passage::getStartOffset));
        StringBuilder text = new StringBuilder();
        List<Snippet.Highlight> highlights = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : ordered) {
            int start = Math.max(passage.getStartOffset(), previousEnd);
            int end = Math.min(passage.getEndOffset(), content.length());
            if (start >= end) {
                continue;
            }
            if (start > previousEnd || (start > 0 && text.isEmpty())) {
                text.append(text.isEmpty() ? ELLIPSIS : " " + ELLIPSIS + " ");
            }
            int shift = text.length() - start;
            text.append(content, start, end);
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int from = Math.max(passage.getMatchStarts()[i], start) + shift;
                int to = Math.min(passage.getMatchEnds()[i], end) + shift;
                // a direction mark that the analysis skipped can sit at a match's edge: leave it outside the mark
                while (from < to && Snippet.isBidiControl(text.charAt(from))) {
                    from++;
                }
                while (from < to && Snippet.isBidiControl(text.charAt(to - 1))) {
                    to--;
                }
                if (from < to) {
                    add(highlights, from, to);
                }
            }
            previousEnd = end;
        }
        if (previousEnd < content.length() && !text.isEmpty()) {
            text.append(ELLIPSIS);
        }
        return new Snippet(text.toString(), highlights);
    }

    /** Matches come in offset order within a passage; overlapping ones (a phrase and its words) merge. */
    private static void add(List<Snippet.Highlight> highlights, int from, int to) {
        if (!highlights.isEmpty() && from <= highlights.getLast().end()) {
            Snippet.Highlight last = highlights.removeLast();
            highlights.add(new Snippet.Highlight(last.start(), Math.max(last.end(), to)));
        } else {
            highlights.add(new Snippet.Highlight(from, to));
        }
    }
}
