package org.clusterlens.themes.control;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clusterlens.themes.control.codebook.HitThemes;
import org.clusterlens.themes.control.codebook.ThemeMembership;
import org.clusterlens.themes.entity.HandCode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HitThemesTest {
    private final LanguageAnalysis analysis = new LanguageAnalysis(List.of());

    private static final List<IndexedResponse> ANSWERS = List.of(
            TestAnswers.response(1, "en", "Power cuts stop the ovens"),
            TestAnswers.response(2, "en", "Power and flour prices"),
            TestAnswers.response(3, "en", "Flour prices doubled"),
            TestAnswers.response(4, "en", "The electricity bill doubled"));

    private Map<String, List<Long>> themesOf(Map<Long, Query> memberships, List<String> keys) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (IndexedResponse response : ANSWERS) {
                    for (FreeText answer : response.answers()) {
                        writer.addDocument(AnswerDocuments.document(response, answer, analysis));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return HitThemes.of(new IndexSearcher(reader), memberships, keys);
            }
        }
    }

    private Query theme(String query, HandCode... codes) throws QuerySyntaxException {
        return ThemeMembership.of(query == null ? null : AnswerQuery.parse(query, analysis), List.of(codes));
    }

    private static HandCode code(long themeId, String key, boolean in) {
        return new HandCode(themeId, key, Long.parseLong(key.substring(0, key.indexOf('.'))), in, "agent@example.org");
    }

    @Test
    void eachHitSaysTheThemesItIsInByQueryAndByHandInCodebookOrder() throws Exception {
        Map<Long, Query> memberships = new LinkedHashMap<>();
        memberships.put(20L, theme("flour"));
        memberships.put(10L, theme("power", code(10, "2.main_problem", false), code(10, "4.main_problem", true)));
        memberships.put(30L, theme(null, code(30, "1.main_problem", true)));

        var found = themesOf(memberships, List.of("1.main_problem", "2.main_problem", "4.main_problem"));

        assertEquals(Map.of("1.main_problem", List.of(10L, 30L), "2.main_problem", List.of(20L),
                "4.main_problem", List.of(10L)), found);
        assertEquals(List.of("1.main_problem", "2.main_problem", "4.main_problem"), List.copyOf(found.keySet()),
                "the page's order");
    }

    @Test
    void onlyThePagesAnswersAreLookedAtAndAHitInNoThemeHasAnEmptyList() throws Exception {
        var found = themesOf(Map.of(10L, theme("flour")), List.of("1.main_problem"));
        assertEquals(Map.of("1.main_problem", List.of()), found, "answer 3 holds flour but is not on the page");
        assertEquals(Map.of(), themesOf(Map.of(10L, theme("flour")), List.of()));
    }
}
