package org.clusterlens.themes.control;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search box query in Lucene's classic syntax ({@code energy AND cost}, {@code "access to
 * finance"}, {@code export*}, {@code -price}), words joined by AND unless told otherwise. Each
 * language's answers are in their own field with their own analysis, so the query is parsed once
 * per language and any of them may match. A blank query matches every answer.
 */
public final class AnswerQuery {
    public static final int MAX_LENGTH = 1000;
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line \\d+, column (\\d+)");

    private AnswerQuery() {
    }

    public static Query parse(String query, LanguageAnalysis analysis) throws QuerySyntaxException {
        if (query == null || query.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("The query is longer than " + MAX_LENGTH + " characters.", MAX_LENGTH);
        }
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        for (String family : LanguageAnalysis.FAMILIES) {
            QueryParser parser = new QueryParser(LanguageAnalysis.textField(family), analysis.byField());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                anyLanguage.add(parser.parse(query), BooleanClause.Occur.SHOULD);
            } catch (ParseException e) {
                throw syntaxError(query, e);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new QuerySyntaxException("The query has too many parts; make it shorter.", null);
            }
        }
        return anyLanguage.build();
    }

    /**
     * Lucene's classic parser counts columns from 0 in a one-line stream of the whole query, so a
     * token's column is its offset, also across line breaks. Its own message is a grammar dump;
     * ours says what went wrong where, in a few words.
     */
    static QuerySyntaxException syntaxError(String query, ParseException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        if (cause instanceof ParseException grammar && grammar.currentToken != null && grammar.currentToken.next != null) {
            Token unexpected = grammar.currentToken.next;
            int position = Math.min(unexpected.beginColumn, query.length());
            if (unexpected.kind == QueryParserConstants.EOF) {
                return new QuerySyntaxException("The query ends at position " + position
                        + " where more was expected: an operator, bracket or field without what follows it.", position);
            }
            return new QuerySyntaxException("Unexpected \u201c" + unexpected.image + "\u201d at position " + position
                    + " of the query.", position);
        }
        if (cause instanceof TokenMgrError lexical) {
            Matcher m = LEXICAL_POSITION.matcher(lexical.getMessage());
            Integer position = m.find() ? Math.min(Integer.parseInt(m.group(1)), query.length()) : null;
            return new QuerySyntaxException("The query has an unclosed quote or an unexpected character"
                    + (position == null ? "." : " (position " + position + ")."), position);
        }
        String reason = cause.getMessage() == null ? "" : cause.getMessage().replaceFirst("^Cannot parse '.*': ", "");
        return new QuerySyntaxException("The query cannot be read: " + reason, null);
    }
}
