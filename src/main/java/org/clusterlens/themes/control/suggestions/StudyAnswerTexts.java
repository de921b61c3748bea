package org.clusterlens.themes.control.suggestions;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.control.ThemeSearch;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every answer of a study in this instance's index that a viewer may read, by answer key, as typed. */
final class StudyAnswerTexts {
    private StudyAnswerTexts() {
    }

    /** @param identified whether the viewer sees identities; answers to pii questions are left out otherwise */
    static Map<String, AnswerText> read(ThemeSearch search, long studyId, boolean identified) {
        return search.read(index -> index.search(searcher -> read(searcher, studyId, identified)));
    }

    private static Map<String, AnswerText> read(IndexSearcher searcher, long studyId, boolean identified)
            throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AnswerDocuments.STUDY, String.valueOf(studyId))), Occur.FILTER);
        if (!identified) {
            builder.add(new TermQuery(new Term(AnswerDocuments.PERSONAL, AnswerDocuments.YES)), Occur.MUST_NOT);
        }
        Query query = builder.build();
        int count = searcher.count(query);
        if (count == 0) {
            return Map.of();
        }
        ScoreDoc[] docs = searcher.search(query, count).scoreDocs;
        StoredFields stored = searcher.storedFields();
        Map<String, AnswerText> answers = new LinkedHashMap<>();
        List<ScoreDoc> inOrder = java.util.Arrays.stream(docs).sorted(Comparator.comparingInt(d -> d.doc)).toList();
        for (ScoreDoc d : inOrder) {
            Document doc = stored.document(d.doc);
            String language = doc.get(AnswerDocuments.LANGUAGE);
            String text = doc.get(LanguageAnalysis.textField(language));
            String key = doc.get(AnswerDocuments.ANSWER);
            if (key != null && text != null) {
                answers.put(key, new AnswerText(text, language));
            }
        }
        return answers;
    }
}
