package org.clusterlens.themes.control.discovery;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.AnswerQuery;
import org.clusterlens.themes.control.FreeText;
import org.clusterlens.themes.control.IndexedResponse;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedQueryTest {
    private static final LanguageAnalysis ANALYSIS = new LanguageAnalysis(List.of());
    private static final List<List<String>> CONCERNS = List.of(
            List.of("the ovens stop in power cuts", "power cuts every evening", "a generator for the power cuts"),
            List.of("flour prices doubled", "the price of flour", "imported flour is too dear"),
            List.of("the bank refused a loan", "no loan without collateral", "loans from the bank are short"));

    @Test
    void anAcceptedCandidateFindsTheAnswersOfItsTheme() throws Exception {
        Random random = new Random(7);
        List<SliceAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            List<String> ways = CONCERNS.get(i % CONCERNS.size());
            answers.add(new SliceAnswer(ways.get(random.nextInt(ways.size())), "en", "main_problem", i + 1,
                    "/main_problem", i + 1, "P-" + i));
        }
        Discovery discovery = ThemeDiscovery.discover(answers, List.of(), Background.STUDY, ANALYSIS);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (SliceAnswer a : answers) {
                    IndexedResponse response = new IndexedResponse(a.responseId(), true, 1, 1, "t", 1, "en", "firm",
                            "bakery", "small", a.actorId(), a.pseudonym(),
                            List.of(new FreeText(a.question(), a.pointer(), "", "long_text", a.text(), false)));
                    writer.addDocument(AnswerDocuments.document(response, response.answers().getFirst(), ANALYSIS));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int t = 0; t < discovery.themes().size(); t++) {
                    Set<Long> members = new HashSet<>();
                    for (int i = 0; i < answers.size(); i++) {
                        if (discovery.themeOf()[i] == t) {
                            members.add(answers.get(i).responseId());
                        }
                    }
                    String query = SeedQuery.of(discovery.themes().get(t).seedPhrases());
                    Set<Long> found = new HashSet<>();
                    for (ScoreDoc hit : searcher.search(AnswerQuery.parse(query, ANALYSIS), 1000).scoreDocs) {
                        found.add(Long.parseLong(searcher.storedFields().document(hit.doc).get(AnswerDocuments.RESPONSE)));
                    }
                    Set<Long> held = new HashSet<>(members);
                    held.retainAll(found);
                    assertTrue(held.size() >= 0.9 * members.size(),
                            query + " finds " + held.size() + " of the theme's " + members.size() + " answers");
                    assertTrue(held.size() >= 0.8 * found.size(),
                            query + " finds " + found.size() + " answers, of which only " + held.size() + " are the theme's");
                }
            }
        }
    }

    @Test
    void wordingThatLooksLikeQuerySyntaxIsQuoted() throws Exception {
        String query = SeedQuery.of(List.of(new Phrase("prix: \"trop\" cher", "prix trop cher", 3, 1, 4.2),
                new Phrase("a\\b", "a b", 2, 0, 3.1)));
        assertEquals("\"prix: \\\"trop\\\" cher\" OR \"a\\\\b\"", query);
        AnswerQuery.parse(query, ANALYSIS);
    }
}
