package org.clusterlens.themes.control.codebook;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.clusterlens.themes.control.AnswerDocuments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which themes each of a few answers is in (a page of hits): one query per theme, kept to those
 * answers, so that the cost follows the page and the codebook, not the study.
 */
public final class HitThemes {
    private HitThemes() {
    }

    /** @return for each key, the ids of the themes holding it, in the order of {@code memberships}; keys in none map to an empty list */
    public static Map<String, List<Long>> of(IndexSearcher searcher, Map<Long, Query> memberships,
                                             Collection<String> keys) throws IOException {
        Map<String, List<Long>> themes = new LinkedHashMap<>();
        keys.forEach(k -> themes.put(k, new ArrayList<>()));
        if (keys.isEmpty()) {
            return themes;
        }
        Query page = new TermInSetQuery(AnswerDocuments.ANSWER, keys.stream().distinct().map(BytesRef::new).toList());
        for (var theme : memberships.entrySet()) {
            Query wanted = new BooleanQuery.Builder().add(theme.getValue(), Occur.FILTER).add(page, Occur.FILTER).build();
            for (ScoreDoc hit : searcher.search(wanted, Math.max(1, themes.size())).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc, Set.of(AnswerDocuments.ANSWER));
                List<Long> of = themes.get(doc.get(AnswerDocuments.ANSWER));
                if (of != null && !of.contains(theme.getKey())) {
                    of.add(theme.getKey());
                }
            }
        }
        return themes;
    }
}
