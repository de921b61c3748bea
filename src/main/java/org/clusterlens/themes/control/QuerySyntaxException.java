package org.clusterlens.themes.control;

/** A search query that does not parse; {@code position} is where in it (from 0), when Lucene says. */
public class QuerySyntaxException extends Exception {
    private final Integer position;

    public QuerySyntaxException(String message, Integer position) {
        super(message, null, false, false);
        this.position = position;
    }

    public Integer position() {
        return position;
    }
}
