package org.clusterlens.forms.expression;

import java.util.Arrays;
import java.util.Optional;

/** The functions an expression may call, with the number of arguments each accepts. */
public enum BuiltInFunction {
    TRUE("true", 0, 0),
    FALSE("false", 0, 0),
    NOT("not", 1, 1),
    BOOLEAN("boolean", 1, 1),
    BOOLEAN_FROM_STRING("boolean-from-string", 1, 1),
    IF("if", 3, 3),
    COALESCE("coalesce", 2, 2),

    STRING("string", 1, 1),
    CONCAT("concat", 0, Integer.MAX_VALUE),
    JOIN("join", 1, Integer.MAX_VALUE),
    SUBSTR("substr", 2, 3),
    SUBSTRING_BEFORE("substring-before", 2, 2),
    SUBSTRING_AFTER("substring-after", 2, 2),
    CONTAINS("contains", 2, 2),
    STARTS_WITH("starts-with", 2, 2),
    ENDS_WITH("ends-with", 2, 2),
    NORMALIZE_SPACE("normalize-space", 1, 1),
    TRANSLATE("translate", 3, 3),
    STRING_LENGTH("string-length", 1, 1),
    REGEX("regex", 2, 2),

    SELECTED("selected", 2, 2),
    SELECTED_AT("selected-at", 2, 2),
    COUNT_SELECTED("count-selected", 1, 1),
    CHOICE_NAME("jr:choice-name", 2, 2),

    NUMBER("number", 1, 1),
    INT("int", 1, 1),
    ROUND("round", 1, 2),
    FLOOR("floor", 1, 1),
    CEILING("ceiling", 1, 1),
    ABS("abs", 1, 1),
    POW("pow", 2, 2),
    SQRT("sqrt", 1, 1),
    EXP("exp", 1, 1),
    EXP10("exp10", 1, 1),
    LOG("log", 1, 1),
    LOG10("log10", 1, 1),
    SIN("sin", 1, 1),
    COS("cos", 1, 1),
    TAN("tan", 1, 1),
    ASIN("asin", 1, 1),
    ACOS("acos", 1, 1),
    ATAN("atan", 1, 1),
    ATAN2("atan2", 2, 2),
    PI("pi", 0, 0),
    MIN("min", 1, Integer.MAX_VALUE),
    MAX("max", 1, Integer.MAX_VALUE),
    SUM("sum", 1, 1),
    COUNT("count", 1, 1),
    COUNT_NON_EMPTY("count-non-empty", 1, 1),

    TODAY("today", 0, 0),
    NOW("now", 0, 0),
    DATE("date", 1, 1),
    DATE_TIME("date-time", 1, 1),
    DECIMAL_DATE_TIME("decimal-date-time", 1, 1),
    DECIMAL_TIME("decimal-time", 1, 1),
    FORMAT_DATE("format-date", 2, 2),
    FORMAT_DATE_TIME("format-date-time", 2, 2),

    POSITION("position", 0, 0),
    INDEXED_REPEAT("indexed-repeat", 3, 3),
    ONCE("once", 1, 1),
    UUID("uuid", 0, 1),

    AREA("area", 1, 1),
    DISTANCE("distance", 1, Integer.MAX_VALUE);

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
