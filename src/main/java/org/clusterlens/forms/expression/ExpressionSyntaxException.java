package org.clusterlens.forms.expression;

/**
 * An expression that cannot be parsed, or that calls an unknown function or a function with the
 * wrong number of arguments. The message reads like "expected ')' at position 14".
 */
public class ExpressionSyntaxException extends RuntimeException {

    private final int position;
    private final String reason;

    public ExpressionSyntaxException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** 0-based character offset in the expression source. */
    public int position() {
        return position;
    }

    /** The message without the position, e.g. "expected ')'". */
    public String reason() {
        return reason;
    }
}
