package org.clusterlens.themes.control;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.clusterlens.platform.errors.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One search of one study's answers: the query, the filters, the page of hits with their
 * snippets, and how many hits each question, actor type, sector and wave has among all of them.
 * Answers to questions tagged pii are left out, counts included, for viewers who do not see
 * identities, as everywhere else ({@code AnswerDisclosure}).
 */
public final class AnswerSearch {
    public static final int MAX_SIZE = 100;
    /** The deepest hit a page may reach: paging further costs more than reading a narrower query. */
    public static final int MAX_DEPTH = 10_000;
    private static final int FACET_VALUES = 50;

    /**
     * {@code page} counts from 1. A null filter does not filter; {@code within} limits the hits to
     * the answers of a theme of the codebook.
     */
    public record Request(long studyId, String query, String question, String actorType, String sector,
                          Long waveId, int page, int size, boolean identified, Query within) {
        public Request(long studyId, String query, String question, String actorType, String sector,
                       Long waveId, int page, int size, boolean identified) {
            this(studyId, query, question, actorType, sector, waveId, page, size, identified, null);
        }
    }

    public record Hit(long responseId, long waveId, String templateId, int templateVersion, String question,
                      String pointer, String repeat, String kind, String language, String actorType, String sector,
                      String sizeBand, String pseudonym, long actorId, String answer, Snippet snippet) {
    }

    public record Count(String value, int count) {
    }

    public record Result(long total, List<Hit> hits, Map<String, List<Count>> facets) {
    }

    private AnswerSearch() {
    }

    /** @param text the parsed query ({@link AnswerQuery}), without the filters */
    public static Result run(IndexSearcher searcher, Optional<SortedSetDocValuesReaderState> facetState,
                             Request request, Query text, LanguageAnalysis analysis) throws IOException {
        Query query = filtered(text, request);
        int depth = request.page() * request.size();
        FacetsCollectorManager.FacetsResult result;
        try {
            result = FacetsCollectorManager.search(searcher, query, depth, new FacetsCollectorManager());
        } catch (IndexSearcher.TooManyClauses e) {
            throw ProblemException.invalidField("q", "The query matches too many different words (a wildcard?); make it narrower.");
        }
        TopDocs top = result.topDocs();
        FacetsCollector collected = result.facetsCollector();
        long total = collected.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        Map<Integer, Snippet> snippets = docIds.length == 0 ? Map.of()
                : new SnippetHighlighter(searcher, analysis).snippets(text, docIds);
        List<Hit> hits = new ArrayList<>();
        for (int doc : docIds) {
            hits.add(hit(searcher.storedFields().document(doc), snippets.get(doc)));
        }
        return new Result(total, hits, facets(facetState, collected));
    }

    private static Query filtered(Query text, Request request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(term(AnswerDocuments.STUDY, String.valueOf(request.studyId())), Occur.FILTER);
        filter(query, AnswerDocuments.QUESTION, request.question());
        filter(query, AnswerDocuments.ACTOR_TYPE, request.actorType());
        filter(query, AnswerDocuments.SECTOR, request.sector());
        filter(query, AnswerDocuments.WAVE, request.waveId() == null ? null : String.valueOf(request.waveId()));
        if (request.within() != null) {
            query.add(request.within(), Occur.FILTER);
        }
        if (!request.identified()) {
            query.add(term(AnswerDocuments.PERSONAL, AnswerDocuments.YES), Occur.MUST_NOT);
        }
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(term(field, value), Occur.FILTER);
        }
    }

    private static TermQuery term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Map<String, List<Count>> facets(Optional<SortedSetDocValuesReaderState> state,
                                                   FacetsCollector collected) throws IOException {
        Map<String, List<Count>> facets = new LinkedHashMap<>();
        AnswerDocuments.FACETS.forEach(dimension -> facets.put(dimension, List.of()));
        if (state.isEmpty()) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state.get(), collected);
        for (String dimension : AnswerDocuments.FACETS) {
            FacetResult top;
            try {
                top = counts.getTopChildren(FACET_VALUES, dimension);
            } catch (IllegalArgumentException e) {
                // no answer in the index has this dimension yet
                continue;
            }
            if (top != null) {
                List<Count> values = new ArrayList<>();
                for (LabelAndValue v : top.labelValues) {
                    values.add(new Count(v.label, v.value.intValue()));
                }
                facets.put(dimension, values);
            }
        }
        return facets;
    }

    private static Hit hit(Document doc, Snippet snippet) {
        String language = doc.get(AnswerDocuments.LANGUAGE);
        String answer = doc.get(LanguageAnalysis.textField(language));
        return new Hit(Long.parseLong(doc.get(AnswerDocuments.RESPONSE)), Long.parseLong(doc.get(AnswerDocuments.WAVE)),
                doc.get(AnswerDocuments.TEMPLATE), doc.getField(AnswerDocuments.TEMPLATE_VERSION).numericValue().intValue(),
                doc.get(AnswerDocuments.QUESTION), doc.get(AnswerDocuments.POINTER),
                doc.get(AnswerDocuments.REPEAT) == null ? "" : doc.get(AnswerDocuments.REPEAT),
                doc.get(AnswerDocuments.KIND), language, doc.get(AnswerDocuments.ACTOR_TYPE),
                doc.get(AnswerDocuments.SECTOR), doc.get(AnswerDocuments.SIZE_BAND), doc.get(AnswerDocuments.PSEUDONYM),
                doc.getField(AnswerDocuments.ACTOR).numericValue().longValue(), answer,
                snippet == null ? new Snippet(answer, List.of()) : snippet);
    }
}
