package org.clusterlens.themes.control.discovery;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.LanguageAnalysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A study's answers read from the index, parted into the slice asked for and the rest of the
 * study. Answers to questions tagged pii stay out for viewers who do not see identities, as in
 * search.
 */
public final class IndexedSlice {
    /** A null filter does not filter. */
    public record Slice(String question, String actorType, Long waveId) {
        boolean holds(Document doc) {
            return (question == null || question.equals(doc.get(AnswerDocuments.QUESTION)))
                    && (actorType == null || actorType.equals(doc.get(AnswerDocuments.ACTOR_TYPE)))
                    && (waveId == null || String.valueOf(waveId).equals(doc.get(AnswerDocuments.WAVE)));
        }
    }

    public record Parted(List<SliceAnswer> slice, List<SliceAnswer> outside) {
    }

    private static final Set<String> FIELDS = fields();

    private IndexedSlice() {
    }

    public static Parted read(IndexSearcher searcher, long studyId, Slice slice, boolean identified) throws IOException {
        BooleanQuery.Builder study = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AnswerDocuments.STUDY, String.valueOf(studyId))), Occur.FILTER);
        if (!identified) {
            study.add(new TermQuery(new Term(AnswerDocuments.PERSONAL, AnswerDocuments.YES)), Occur.MUST_NOT);
        }
        List<Integer> docs = searcher.search(study.build(), new AllDocs());
        StoredFields stored = searcher.storedFields();
        List<SliceAnswer> in = new ArrayList<>();
        List<SliceAnswer> outside = new ArrayList<>();
        for (int doc : docs) {
            Document d = stored.document(doc, FIELDS);
            (slice.holds(d) ? in : outside).add(answer(d));
        }
        return new Parted(in, outside);
    }

    private static SliceAnswer answer(Document doc) {
        String language = doc.get(AnswerDocuments.LANGUAGE);
        return new SliceAnswer(doc.get(LanguageAnalysis.textField(language)), language,
                doc.get(AnswerDocuments.QUESTION), Long.parseLong(doc.get(AnswerDocuments.RESPONSE)),
                doc.get(AnswerDocuments.POINTER), doc.getField(AnswerDocuments.ACTOR).numericValue().longValue(),
                doc.get(AnswerDocuments.PSEUDONYM));
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(List.of(AnswerDocuments.RESPONSE, AnswerDocuments.WAVE,
                AnswerDocuments.QUESTION, AnswerDocuments.POINTER, AnswerDocuments.ACTOR_TYPE,
                AnswerDocuments.LANGUAGE, AnswerDocuments.PSEUDONYM, AnswerDocuments.ACTOR));
        LanguageAnalysis.FAMILIES.forEach(f -> fields.add(LanguageAnalysis.textField(f)));
        return Set.copyOf(fields);
    }

    /** Every matching document, in index order: discovery reads them all, unscored. */
    private static final class AllDocs implements CollectorManager<AllDocs.Gather, List<Integer>> {
        static final class Gather extends SimpleCollector {
            final List<Integer> docs = new ArrayList<>();
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Gather newCollector() {
            return new Gather();
        }

        @Override
        public List<Integer> reduce(Collection<Gather> collectors) {
            List<Integer> all = new ArrayList<>();
            collectors.forEach(c -> all.addAll(c.docs));
            all.sort(null);
            return all;
        }
    }
}
