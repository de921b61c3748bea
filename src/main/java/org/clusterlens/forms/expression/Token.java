package org.clusterlens.forms.expression;

/** A lexical token; for strings and references {@code text} is the content without delimiters. */
record Token(Kind kind, String text, int position) {

    enum Kind { NUMBER, STRING, REFERENCE, DOT, PARENT, NAME, SYMBOL, OPEN, CLOSE, COMMA, END }

    boolean is(Kind expected, String expectedText) {
        return kind == expected && text.equals(expectedText);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case STRING -> "string '" + text + "'";
            case REFERENCE -> "${" + text + "}";
            default -> "'" + text + "'";
        };
    }
}
