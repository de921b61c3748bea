package org.clusterlens.forms.expression;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The string functions. Positions and lengths count Unicode code points, so an emoji is one
 * character, where Collect counts UTF-16 units and would cut an emoji in half.
 */
final class TextFunctions {

    private static final Pattern XPATH_WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

    private TextFunctions() {
    }

    /** ODK substr: 0-based start, exclusive end, negative positions counted from the end. */
    static String substr(String text, double start, Double end) {
        int[] codePoints = text.codePoints().toArray();
        int length = codePoints.length;
        int from = toInt(start);
        int to = end == null ? length : toInt(end);
        if (from < 0) {
            from = length + from;
        }
        if (to < 0) {
            to = length + to;
        }
        to = Math.min(Math.max(0, to), length);
        from = Math.min(Math.max(0, from), to);
        return new String(codePoints, from, to - from);
    }

    static String substringBefore(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? "" : text.substring(0, at);
    }

    static String substringAfter(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? "" : text.substring(at + separator.length());
    }

    static String normalizeSpace(String text) {
        return XPATH_WHITESPACE.splitAsStream(text).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
    }

    static String translate(String text, String from, String to) {
        int[] source = from.codePoints().toArray();
        int[] target = to.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            int at = indexOf(source, c);
            if (at < 0) {
                out.appendCodePoint(c);
            } else if (at < target.length) {
                out.appendCodePoint(target[at]);
            }
        });
        return out.toString();
    }

    private static int indexOf(int[] codePoints, int c) {
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** As JavaRosa turns a number into a position: NaN is 0, the rest truncated into int range. */
    static int toInt(double x) {
        return Double.isNaN(x) ? 0 : (int) x;
    }
}
