package org.clusterlens.forms.expression;

import java.util.Arrays;
import java.util.Optional;

/** The functions an expression may call, with the number of arguments each accepts. */
public enum BuiltInFunction {
    SELECTED("selected", 2, 2),
    COUNT_SELECTED("count-selected", 1, 1),
    NOT("not", 1, 1),
    IF("if", 3, 3),
    STRING_LENGTH("string-length", 1, 1),
    REGEX("regex", 2, 2),
    COUNT("count", 1, 1),
    SUM("sum", 1, 1),
    CONCAT("concat", 1, Integer.MAX_VALUE),
    NUMBER("number", 1, 1),
    INT("int", 1, 1),
    ROUND("round", 1, 2),
    COALESCE("coalesce", 2, 2),
    TODAY("today", 0, 0);

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    BuiltInFunction(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    public static Optional<BuiltInFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    public String functionName() {
        return functionName;
    }

    public boolean accepts(int argumentCount) {
        return argumentCount >= minArguments && argumentCount <= maxArguments;
    }

    /** Plain English, e.g. "1 argument", "1 or 2 arguments", "at least 1 argument". */
    public String arity() {
        if (maxArguments == Integer.MAX_VALUE) {
            return "at least " + plural(minArguments);
        }
        if (minArguments == maxArguments) {
            return plural(minArguments);
        }
        return minArguments + " or " + plural(maxArguments);
    }

    private static String plural(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }
}
