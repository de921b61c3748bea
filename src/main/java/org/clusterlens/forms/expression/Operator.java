package org.clusterlens.forms.expression;

/** Binary operators, listed from the loosest binding to the tightest. */
public enum Operator {
    OR("or"), AND("and"),
    EQUAL("="), NOT_EQUAL("!="),
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    PLUS("+"), MINUS("-"),
    TIMES("*"), DIV("div"), MOD("mod");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
