package org.clusterlens.themes.control;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clusterlens.themes.control.codebook.ThemeMembership;
import org.clusterlens.themes.entity.HandCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeMembershipTest {
    private final LanguageAnalysis analysis = new LanguageAnalysis(List.of());

    private static final List<IndexedResponse> ANSWERS = List.of(
            TestAnswers.response(1, "en", "Power cuts stop the ovens"),
            TestAnswers.response(2, "fr", "Les coupures de courant"),
            TestAnswers.response(3, "en", "Flour prices doubled"),
            TestAnswers.response(4, "en", "The electricity bill doubled"));

    private Set<String> members(List<IndexedResponse> responses, Query query) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (IndexedResponse response : responses) {
                    for (FreeText answer : response.answers()) {
                        writer.addDocument(AnswerDocuments.document(response, answer, analysis));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Set<String> keys = new TreeSet<>();
                for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
                    Document doc = searcher.storedFields().document(hit.doc);
                    keys.add(doc.get(AnswerDocuments.ANSWER));
                }
                return keys;
            }
        }
    }

    private Query theme(String query, List<HandCode> codes) throws QuerySyntaxException {
        return ThemeMembership.of(query == null ? null : AnswerQuery.parse(query, analysis), codes);
    }

    private static HandCode code(String key, boolean in) {
        return new HandCode(7, key, Long.parseLong(key.substring(0, key.indexOf('.'))), in, "agent@example.org");
    }

    @Test
    void aThemesAnswersAreItsQuerysMatchesPlusThoseCodedInMinusThoseCodedOut() throws Exception {
        assertEquals(Set.of("1.main_problem", "2.main_problem"), members(ANSWERS, theme("power OR coupure", List.of())));
        assertEquals(Set.of("2.main_problem", "4.main_problem"), members(ANSWERS, theme("power OR coupure",
                List.of(code("1.main_problem", false), code("4.main_problem", true)))));
    }

    @Test
    void aThemeWithoutQueryHoldsOnlyWhatWasCodedIntoIt() throws Exception {
        assertEquals(Set.of(), members(ANSWERS, theme(null, List.of())));
        assertEquals(Set.of("3.main_problem"), members(ANSWERS, theme(null, List.of(code("3.main_problem", true)))));
    }

    @Test
    void anAnswerIndexedAfterTheThemeWasWrittenIsInIt() throws Exception {
        Query theme = theme("power OR electricity", List.of(code("1.main_problem", false)));
        assertEquals(Set.of("4.main_problem"), members(ANSWERS, theme));
        var later = new java.util.ArrayList<>(ANSWERS);
        later.add(TestAnswers.response(5, "en", "No power since Monday"));
        assertEquals(Set.of("4.main_problem", "5.main_problem"), members(later, theme),
                "the same theme, read against the index once the new answer is in it");
    }

    @Test
    void answerKeysNameTheResponseAndThePlaceOfTheAnswer() {
        AnswerKey key = new AnswerKey(51, "/sites/0/machines/1/machine_issue");
        assertEquals("51.sites.0.machines.1.machine_issue", key.toString());
        assertEquals(key, AnswerKey.parse(key.toString()).orElseThrow());
        for (String bad : new String[]{"", "51", "x.main_problem", "51/main_problem", "51.main problem", "51..a", "51.a."}) {
            assertEquals(java.util.Optional.empty(), AnswerKey.parse(bad), bad);
        }
    }
}
