package org.clusterlens.themes.control;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lucene's unified highlighter over the answers' text fields, from the offsets stored in the
 * postings (no re-analysis), giving {@link Snippet}s: up to two passages of about
 * {@value #PASSAGE_LENGTH} characters, or the start of the answer when no word of it matched.
 */
public final class SnippetHighlighter extends UnifiedHighlighter {
    static final int PASSAGE_LENGTH = 160;
    private static final int PASSAGES = 2;
    private static final int MAX_LENGTH = 100_000;

    public SnippetHighlighter(IndexSearcher searcher, LanguageAnalysis analysis) {
        super(UnifiedHighlighter.builder(searcher, analysis.byField())
                .withFormatter(new SnippetFormatter())
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f)));
    }

    /** The snippet of each document (by doc id), from whichever language field it has. */
    public Map<Integer, Snippet> snippets(Query query, int[] docIds) throws IOException {
        String[] fields = LanguageAnalysis.FAMILIES.stream().map(LanguageAnalysis::textField).toArray(String[]::new);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, PASSAGES);
        Map<String, Object[]> byField = highlightFieldsAsObjects(fields, query, docIds, passages);
        Map<Integer, Snippet> snippets = new HashMap<>();
        for (Object[] perDoc : byField.values()) {
            for (int i = 0; i < docIds.length; i++) {
                if (perDoc[i] instanceof Snippet snippet) {
                    snippets.put(docIds[i], snippet);
                }
            }
        }
        return snippets;
    }
}
