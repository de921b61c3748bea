package org.clusterlens.themes.control.discovery;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.FreeText;
import org.clusterlens.themes.control.IndexedResponse;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexedSliceTest {
    private static IndexedResponse response(long id, long study, long wave, String language, String actorType,
                                            FreeText... answers) {
        return new IndexedResponse(id, true, study, wave, "open-answers", 1, language, actorType, "bakery", "small",
                100 + id, "P-" + id, List.of(answers));
    }

    private static FreeText answer(String question, String text) {
        return new FreeText(question, "/" + question, "", "long_text", text, false);
    }

    private static IndexedSlice.Parted read(List<IndexedResponse> responses, IndexedSlice.Slice slice, boolean identified)
            throws Exception {
        LanguageAnalysis analysis = new LanguageAnalysis(List.of());
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (IndexedResponse response : responses) {
                    for (FreeText a : response.answers()) {
                        writer.addDocument(AnswerDocuments.document(response, a, analysis));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return IndexedSlice.read(new IndexSearcher(reader), 1, slice, identified);
            }
        }
    }

    private static final List<IndexedResponse> STUDIES = List.of(
            response(1, 1, 10, "en", "firm", answer("main_problem", "Power cuts"), answer("joint_idea", "Shared oven"),
                    new FreeText("owner_name", "/owner_name", "", "text", "Awa Ndiaye", true)),
            response(2, 1, 11, "fr", "institution", answer("main_problem", "Les coupures de courant")),
            response(3, 2, 20, "en", "firm", answer("main_problem", "Another study's answer")));

    @Test
    void theSliceIsWhatTheFiltersHoldAndTheRestOfTheStudyIsOutside() throws Exception {
        var parted = read(STUDIES, new IndexedSlice.Slice("main_problem", "firm", 10L), true);
        assertEquals(List.of("Power cuts"), parted.slice().stream().map(SliceAnswer::text).toList());
        SliceAnswer found = parted.slice().getFirst();
        assertEquals("en", found.language());
        assertEquals(1, found.responseId());
        assertEquals(101, found.actorId());
        assertEquals("P-1", found.pseudonym());
        assertEquals(List.of("Awa Ndiaye", "Les coupures de courant", "Shared oven"),
                parted.outside().stream().map(SliceAnswer::text).sorted().toList(), "never another study's answers");
    }

    @Test
    void personalAnswersAreLeftOutForViewersWhoDoNotSeeIdentities() throws Exception {
        var parted = read(STUDIES, new IndexedSlice.Slice(null, null, null), false);
        assertEquals(3, parted.slice().size());
        assertTrue(parted.slice().stream().noneMatch(a -> a.text().contains("Ndiaye")));
        assertEquals(0, parted.outside().size());
    }
}
