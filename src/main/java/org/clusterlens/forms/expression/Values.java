package org.clusterlens.forms.expression;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conversions between expression values, following XPath 1.0's {@code boolean()},
 * {@code number()} and {@code string()}. Expression values are String, Double, Boolean, and
 * List&lt;String&gt; (a multiple-choice answer, which otherwise behaves as its values joined by
 * spaces).
 */
public final class Values {

    private static final Pattern XPATH_NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Values() {
    }

    /**
     * Brings an answer into the value domain: {@code null} becomes "", other numbers become Double,
     * collections become List&lt;String&gt;, dates and anything else become their string form.
     */
    public static Object normalise(Object answer) {
        return switch (answer) {
            case null -> "";
            case String s -> s;
            case Double d -> d;
            case Number n -> n.doubleValue();
            case Boolean b -> b;
            case Collection<?> c -> c.stream().map(Values::toText).toList();
            case TemporalAccessor t -> t.toString();
            default -> answer.toString();
        };
    }

    /** XPath boolean(): "" , 0 and NaN are false, as is a list with nothing chosen. */
    public static boolean toBoolean(Object value) {
        return switch (normalise(value)) {
            case Boolean b -> b;
            case Double d -> d != 0 && !d.isNaN();
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> throw new IllegalStateException();
        };
    }

    /**
     * XPath number(): true is 1, false is 0; a string is trimmed and must be an optional minus and
     * digits with an optional decimal point (no exponent, no plus sign); a date (YYYY-MM-DD) or
     * date-time is its number of whole days since 1970-01-01, as Collect counts a date in arithmetic
     * (see {@link DateValues}); anything else, including "", is NaN.
     */
    public static double toNumber(Object value) {
        return switch (normalise(value)) {
            case Boolean b -> b ? 1 : 0;
            case Double d -> d;
            case String s -> parseNumber(s);
            case List<?> l -> parseNumber(toText(l));
            default -> throw new IllegalStateException();
        };
    }

    private static double parseNumber(String s) {
        String trimmed = s.strip();
        return XPATH_NUMBER.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Math.floor(DateValues.days(trimmed));
    }

    /**
     * XPath string(): "true"/"false"; numbers in plain decimal notation with the shortest digits
     * that round-trip, no exponent and no trailing ".0" (so 3.0 is "3", -0 is "0", 1e21 is
     * "1000000000000000000000"), and "NaN", "Infinity", "-Infinity"; a list is its values
     * joined by single spaces.
     */
    public static String toText(Object value) {
        return switch (normalise(value)) {
            case Boolean b -> b.toString();
            case Double d -> numberText(d);
            case String s -> s;
            case List<?> l -> String.join(" ", l.stream().map(String.class::cast).toList());
            default -> throw new IllegalStateException();
        };
    }

    private static String numberText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19+), as JavaScript does.
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
