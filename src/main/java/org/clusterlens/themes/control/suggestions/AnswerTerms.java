package org.clusterlens.themes.control.suggestions;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.clusterlens.themes.control.LanguageAnalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The terms of an answer, as search sees them: its language's analysed words (stemmed, without the
 * language's or the study's stop words) and two-word phrases of them, each with its count.
 */
final class AnswerTerms {
    private final LanguageAnalysis analysis;

    AnswerTerms(LanguageAnalysis analysis) {
        this.analysis = analysis;
    }

    Map<String, Integer> of(AnswerText answer) {
        Map<String, Integer> counts = new HashMap<>();
        String language = answer.language();
        add(analysis.text(language), LanguageAnalysis.textField(language), answer.text(), counts, false);
        add(analysis.phrases(language), LanguageAnalysis.phrasesField(language), answer.text(), counts, true);
        return counts;
    }

    /** Three-word phrases are left out: on a few thousand short answers almost none comes twice. */
    private static void add(Analyzer analyzer, String field, String text, Map<String, Integer> counts,
            boolean pairsOnly) {
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String gram = term.toString();
                if (!pairsOnly || gram.indexOf(' ') == gram.lastIndexOf(' ')) {
                    counts.merge(gram, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
