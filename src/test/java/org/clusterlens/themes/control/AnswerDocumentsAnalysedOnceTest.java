package org.clusterlens.themes.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An answer is analysed once for both its text and its phrases fields: what the index holds must
 * be exactly what each field's own analyzer makes of the text (terms, positions, offsets; for the
 * phrases, terms and frequencies), whatever the language, stop words, marks or repetitions.
 */
class AnswerDocumentsAnalysedOnceTest {
    private final LanguageAnalysis analysis = new LanguageAnalysis(List.of("clinic"));

    private static final List<List<String>> ANSWERS = List.of(
            List.of("en", "The staff at the clinic were kind, but the waiting times were long. Waiting times!"),
            List.of("en", "Nothing."),
            List.of("en", "the and of to"),
            List.of("en", "Access to finance, access to the market and access to\nreliable power — cost of power \u2066energy\u2069"),
            List.of("fr", "L'accès au crédit et le coût de l'électricité sont les problèmes de la clinic"),
            List.of("es", "Los costos de la energía son altos y los costos suben"),
            List.of("ar", "\u200Fتكلفة الكهرباء مرتفعة جدا وتكلفة النقل أيضا"),
            List.of("sw", "Bei ya umeme ni kubwa sana, bei ya usafiri pia"));

    @Test
    void eachFieldHoldsWhatItsOwnAnalyzerMakesOfTheAnswer() throws IOException {
        for (List<String> answer : ANSWERS) {
            String language = answer.get(0);
            String text = answer.get(1);
            IndexedResponse response = new IndexedResponse(7, true, 1, 2, "open", 1, language, "firm", "bakery", "small",
                    11, "P-1", List.of(new FreeText("story", "/story", "", "long_text", text, false)));
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
                try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                    writer.addDocument(AnswerDocuments.document(response, response.answers().getFirst(), analysis));
                    // a second document built and added after the first, as a rebuild does, reusing the analyzers
                    writer.addDocument(AnswerDocuments.document(response, response.answers().getFirst(), analysis));
                }
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    LeafReader leaf = reader.leaves().getFirst().reader();
                    String textField = LanguageAnalysis.textField(language);
                    String phrasesField = LanguageAnalysis.phrasesField(language);
                    assertEquals(expected(analysis.text(language), textField, text, true), indexed(leaf, textField, true),
                            language + ": " + text);
                    Map<String, String> phrases = expected(analysis.phrases(language), phrasesField, text, false);
                    assertEquals(phrases, indexed(leaf, phrasesField, false), language + ": " + text);
                    if (text.contains("Waiting times")) {
                        assertFalse(phrases.isEmpty());
                    }
                    assertEquals(text, reader.storedFields().document(1).get(textField));
                }
            }
        }
    }

    /** term → "position:start-end …" (with offsets) or → frequency, as the analyzer makes them. */
    private static Map<String, String> expected(Analyzer analyzer, String field, String text, boolean positions)
            throws IOException {
        Map<String, StringBuilder> found = new TreeMap<>();
        Map<String, Integer> freqs = new TreeMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                found.computeIfAbsent(term.toString(), k -> new StringBuilder())
                        .append(position).append(':').append(offset.startOffset()).append('-').append(offset.endOffset()).append(' ');
                freqs.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        }
        Map<String, String> result = new TreeMap<>();
        if (positions) {
            found.forEach((k, v) -> result.put(k, v.toString()));
        } else {
            freqs.forEach((k, v) -> result.put(k, String.valueOf(v)));
        }
        return result;
    }

    /** The same, read back from the first document's postings. */
    private static Map<String, String> indexed(LeafReader leaf, String field, boolean positions) throws IOException {
        Map<String, String> result = new TreeMap<>();
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return result;
        }
        TermsEnum e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
            PostingsEnum postings = e.postings(null, positions ? PostingsEnum.ALL : PostingsEnum.FREQS);
            assertEquals(0, postings.nextDoc());
            int freq = postings.freq();
            if (positions) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < freq; i++) {
                    int position = postings.nextPosition();
                    s.append(position).append(':').append(postings.startOffset()).append('-').append(postings.endOffset()).append(' ');
                }
                result.put(t.utf8ToString(), s.toString());
            } else {
                result.put(t.utf8ToString(), String.valueOf(freq));
            }
            assertEquals(1, postings.nextDoc(), "the second document holds the same term");
        }
        return result;
    }
}
