package org.clusterlens.themes.control.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.AnswerQuery;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.control.QuerySyntaxException;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/** The codebook read against this instance's index: which answers each theme holds, and how many. */
@ApplicationScoped
public class CodedAnswers {
    private static final Logger LOG = Logger.getLogger(CodedAnswers.class.getName());

    /** The category an answer is counted under. */
    public enum By {
        actorType(AnswerDocuments.ACTOR_TYPE), sector(AnswerDocuments.SECTOR), wave(AnswerDocuments.WAVE);

        final String field;

        By(String field) {
            this.field = field;
        }
    }

    @Inject
    ThemeSearch search;

    /** The answers of a theme, as a filter on the index. */
    public Query membership(Theme theme, Collection<HandCode> codes, LanguageAnalysis analysis) {
        return ThemeMembership.of(byQuery(theme.query(), analysis, theme.id()), codes);
    }

    public Map<Long, Query> memberships(long studyId, List<Theme> themes, List<HandCode> codes) {
        LanguageAnalysis analysis = search.analysis(studyId);
        Map<Long, List<HandCode>> byTheme = new HashMap<>();
        codes.forEach(c -> byTheme.computeIfAbsent(c.themeId(), t -> new ArrayList<>()).add(c));
        Map<Long, Query> queries = new LinkedHashMap<>();
        themes.forEach(t -> queries.put(t.id(), membership(t, byTheme.getOrDefault(t.id(), List.of()), analysis)));
        return queries;
    }

    /** How many answers the viewer can see in each theme. */
    public Map<Long, Integer> counts(long studyId, Map<Long, Query> memberships, boolean identified) {
        return search.read(index -> index.search(searcher -> {
            Map<Long, Integer> counts = new HashMap<>();
            for (var theme : memberships.entrySet()) {
                counts.put(theme.getKey(), searcher.count(inStudy(studyId, theme.getValue(), identified)));
            }
            return counts;
        }));
    }

    /** Which of {@code keys} the query (by itself, hand codes aside) matches in the index. */
    public Set<String> matching(long studyId, String query, Collection<String> keys) {
        Query parsed = byQuery(query, search.analysis(studyId), null);
        if (parsed == null || keys.isEmpty()) {
            return Set.of();
        }
        Query wanted = new BooleanQuery.Builder().add(parsed, Occur.MUST)
                .add(new TermInSetQuery(AnswerDocuments.ANSWER, keys.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .build();
        return search.read(index -> index.search(searcher -> {
            Set<String> found = new HashSet<>();
            each(searcher, inStudy(studyId, wanted, true), (leaf, doc) -> {
                String key = leaf.value(AnswerDocuments.ANSWER, doc);
                if (key != null) {
                    found.add(key);
                }
            });
            return found;
        }));
    }

    /** For each of a page's answer keys, the ids of the themes it is in now (see {@link HitThemes}). */
    public Map<String, List<Long>> themesOf(Map<Long, Query> memberships, Collection<String> keys) {
        if (keys.isEmpty() || memberships.isEmpty()) {
            Map<String, List<Long>> none = new LinkedHashMap<>();
            keys.forEach(k -> none.put(k, List.of()));
            return none;
        }
        return search.read(index -> index.search(searcher -> HitThemes.of(searcher, memberships, keys)));
    }

    /** Every answer of the study the viewer may count, with its respondent and category, and each theme's. */
    public ThemeTable.Table table(long studyId, Map<Long, Query> memberships, By by, boolean identified, int k) {
        return search.read(index -> index.search(searcher -> {
            List<ThemeTable.Answer> answers = new ArrayList<>();
            Map<Integer, Integer> positions = new HashMap<>();
            each(searcher, inStudy(studyId, null, identified), (leaf, doc) -> {
                positions.put(leaf.docBase() + doc, answers.size());
                answers.add(new ThemeTable.Answer(leaf.value(AnswerDocuments.PSEUDONYM, doc), leaf.value(by.field, doc)));
            });
            Map<Long, BitSet> members = new LinkedHashMap<>();
            for (var theme : memberships.entrySet()) {
                BitSet in = new BitSet(answers.size());
                each(searcher, inStudy(studyId, theme.getValue(), identified), (leaf, doc) -> {
                    Integer position = positions.get(leaf.docBase() + doc);
                    if (position != null) {
                        in.set(position);
                    }
                });
                members.put(theme.getKey(), in);
            }
            return ThemeTable.of(answers, members, k);
        }));
    }

    /** One answer of one theme, for the coded answers file. */
    @FunctionalInterface
    public interface CodedAnswer {
        void accept(long themeId, Document answer) throws IOException;
    }

    /** Every answer of every theme the viewer may read, theme by theme in the order given. */
    public void eachCoded(long studyId, Map<Long, Query> memberships, boolean identified, CodedAnswer each) {
        search.read(index -> index.search(searcher -> {
            for (var theme : memberships.entrySet()) {
                each(searcher, inStudy(studyId, theme.getValue(), identified), (leaf, doc) ->
                        each.accept(theme.getKey(), searcher.storedFields().document(leaf.docBase() + doc)));
            }
            return null;
        }));
    }

    private Query byQuery(String query, LanguageAnalysis analysis, Long themeId) {
        if (query == null || query.isBlank()) {
            return null;
        }
        try {
            return AnswerQuery.parse(query, analysis);
        } catch (QuerySyntaxException e) {
            // saved queries are checked when written; one that no longer reads matches nothing rather than everything
            LOG.warning(() -> "The query of theme " + themeId + " does not parse: " + e.getMessage());
            return null;
        }
    }

    static Query inStudy(long studyId, Query within, boolean identified) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AnswerDocuments.STUDY, String.valueOf(studyId))), Occur.FILTER);
        if (within != null) {
            query.add(within, Occur.FILTER);
        }
        if (!identified) {
            query.add(new TermQuery(new Term(AnswerDocuments.PERSONAL, AnswerDocuments.YES)), Occur.MUST_NOT);
        }
        return query.build();
    }

    @FunctionalInterface
    private interface Visit {
        void doc(Leaf leaf, int doc) throws IOException;
    }

    /** One segment's keyword values, read forwards as its documents are visited in order. */
    private static final class Leaf {
        private final LeafReaderContext context;
        private final Map<String, SortedSetDocValues> values = new HashMap<>();

        Leaf(LeafReaderContext context) {
            this.context = context;
        }

        int docBase() {
            return context.docBase;
        }

        String value(String field, int doc) throws IOException {
            SortedSetDocValues column = values.get(field);
            if (column == null) {
                column = DocValues.getSortedSet(context.reader(), field);
                values.put(field, column);
            }
            if (!column.advanceExact(doc)) {
                return null;
            }
            return column.lookupOrd(column.nextOrd()).utf8ToString();
        }
    }

    /** Every live document the query matches, leaf by leaf, unscored. */
    private static void each(IndexSearcher searcher, Query query, Visit visit) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            Leaf values = new Leaf(leaf);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    visit.doc(values, doc);
                }
            }
        }
    }
}
