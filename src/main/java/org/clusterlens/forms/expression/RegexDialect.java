package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular-expression syntax that {@code regex()} accepts: what java.util.regex and JavaScript
 * (with the {@code u} flag) both understand in the same way. Java-only constructs such as
 * possessive quantifiers, atomic groups, inline flags, {@code \A}, {@code \Q…\E} and class
 * intersection are refused rather than silently behaving differently in the browser. One difference
 * remains: {@code \s} also matches non-ASCII spaces in JavaScript.
 */
public final class RegexDialect {

    private static final String LETTER_ESCAPES = "dDwWsSbBnrtf";
    private static final String SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|/-";
    private static final Set<String> GROUP_OPENINGS = Set.of("(?:", "(?=", "(?!", "(?<=", "(?<!");
    private static final List<Pattern> LONG_ESCAPES = List.of(Pattern.compile("u[0-9A-Fa-f]{4}"),
            Pattern.compile("x[0-9A-Fa-f]{2}"), Pattern.compile("[pP]\\{[A-Z][a-z]?}"),
            Pattern.compile("k<[A-Za-z][A-Za-z0-9]*>"));
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<[A-Za-z][A-Za-z0-9]*>");

    private RegexDialect() {
    }

    /** @return why the pattern is not accepted, or empty if it is */
    public static Optional<String> problem(String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression: " + e.getDescription());
        }
        boolean inClass = false;
        boolean quantified = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                int length = escapeLength(pattern, i + 1, inClass);
                if (length < 0) {
                    return Optional.of("the escape \\" + pattern.charAt(i + 1) + " is not portable"
                            + (pattern.charAt(i + 1) == '-' ? " outside [...]" : ""));
                }
                i += length;
            } else if (inClass) {
                if (c == '[' || pattern.startsWith("&&", i)) {
                    return Optional.of("nested classes and '&&' inside [...] are not portable; escape them");
                }
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (pattern.startsWith("^]", i + 1) || pattern.startsWith("]", i + 1)) {
                    return Optional.of("']' first in a class is not portable; escape it");
                }
            } else if (c == '(' && pattern.startsWith("(?", i) && !groupIsPortable(pattern, i)) {
                return Optional.of("only (?:, (?=, (?!, (?<=, (?<! and (?<name> groups are supported");
            } else if (c == '+' && quantified) {
                return Optional.of("possessive quantifiers are not supported");
            }
            // A '?' right after a quantifier makes it lazy and ends it.
            quantified = !inClass && "*+?}".indexOf(c) >= 0 && !(c == '?' && quantified);
        }
        return Optional.empty();
    }

    private static boolean groupIsPortable(String pattern, int at) {
        return GROUP_OPENINGS.stream().anyMatch(opening -> pattern.startsWith(opening, at))
                || NAMED_GROUP.matcher(pattern).region(at, pattern.length()).lookingAt();
    }

    /** @return how many characters after the backslash the escape takes, or -1 if it is not portable */
    private static int escapeLength(String pattern, int at, boolean inClass) {
        char c = pattern.charAt(at);
        if (LETTER_ESCAPES.indexOf(c) >= 0 || SYNTAX_CHARACTERS.indexOf(c) >= 0 || (c >= '1' && c <= '9')) {
            return c == '-' && !inClass ? -1 : 1;
        }
        String rest = pattern.substring(at);
        for (Pattern escape : LONG_ESCAPES) {
            Matcher matcher = escape.matcher(rest);
            if (matcher.lookingAt()) {
                return matcher.end();
            }
        }
        return -1;
    }
}
