package org.clusterlens.themes.control.codebook;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.entity.HandCode;

import java.util.Collection;
import java.util.List;

/**
 * Which answers of the index are in a theme: those its query matches, plus those coded into it
 * by hand, minus those coded out of it by hand. Evaluated against the index at every read, so an
 * answer indexed after the theme was written is in it as soon as it is searchable.
 */
public final class ThemeMembership {
    private ThemeMembership() {
    }

    /** @param byQuery the theme's parsed query, null when it has none */
    public static Query of(Query byQuery, Collection<HandCode> codes) {
        List<BytesRef> in = codes.stream().filter(HandCode::codedIn).map(c -> new BytesRef(c.answerKey())).toList();
        List<BytesRef> out = codes.stream().filter(c -> !c.codedIn()).map(c -> new BytesRef(c.answerKey())).toList();
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (byQuery != null) {
            either.add(byQuery, Occur.SHOULD);
        }
        if (!in.isEmpty()) {
            either.add(new TermInSetQuery(AnswerDocuments.ANSWER, in), Occur.SHOULD);
        }
        if (byQuery == null && in.isEmpty()) {
            return new MatchNoDocsQuery("the theme has no query and no answer coded into it");
        }
        if (out.isEmpty()) {
            return either.build();
        }
        return new BooleanQuery.Builder()
                .add(either.build(), Occur.MUST)
                .add(new TermInSetQuery(AnswerDocuments.ANSWER, out), Occur.MUST_NOT)
                .build();
    }
}
