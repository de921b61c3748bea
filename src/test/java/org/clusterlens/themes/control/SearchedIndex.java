package org.clusterlens.themes.control;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.util.List;
import java.util.Optional;

/** Responses indexed in memory as the answer index does it, then searched as a request would. */
final class SearchedIndex {
    private SearchedIndex() {
    }

    static AnswerSearch.Result search(List<IndexedResponse> responses, String query, boolean identified,
                                      List<String> stopWords) throws Exception {
        LanguageAnalysis analysis = new LanguageAnalysis(stopWords);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (IndexedResponse response : responses) {
                    for (FreeText answer : response.answers()) {
                        writer.addDocument(AnswerDocuments.document(response, answer, analysis));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                var request = new AnswerSearch.Request(1, query, null, null, null, null, 1, 20, identified);
                return AnswerSearch.run(new IndexSearcher(reader),
                        Optional.of(new DefaultSortedSetDocValuesReaderState(reader, AnswerDocuments.FACETS_CONFIG)),
                        request, AnswerQuery.parse(query, analysis), analysis);
            }
        }
    }

    static AnswerSearch.Result search(List<IndexedResponse> responses, String query) throws Exception {
        return search(responses, query, true, List.of());
    }

    static String highlighted(AnswerSearch.Hit hit) {
        Snippet s = hit.snippet();
        return String.join("|", s.highlights().stream().map(h -> s.text().substring(h.start(), h.end())).toList());
    }
}
