package org.clusterlens.forms.expression;

import java.util.Optional;
import java.util.Set;
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
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                Optional<String> problem = escapeProblem(pattern, i + 1);
                if (problem.isPresent()) {
                    return problem;
                }
                i++;
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
            } else if (c == '+' && i > 0 && "*+?}".indexOf(pattern.charAt(i - 1)) >= 0 && !escapedAt(pattern, i - 1)) {
                return Optional.of("possessive quantifiers are not supported");
            }
        }
        return Optional.empty();
    }

    private static boolean groupIsPortable(String pattern, int at) {
        return GROUP_OPENINGS.stream().anyMatch(opening -> pattern.startsWith(opening, at))
                || NAMED_GROUP.matcher(pattern).region(at, pattern.length()).lookingAt();
    }

    private static boolean escapedAt(String pattern, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Optional<String> escapeProblem(String pattern, int at) {
        char c = pattern.charAt(at);
        if (LETTER_ESCAPES.indexOf(c) >= 0 || SYNTAX_CHARACTERS.indexOf(c) >= 0 || (c >= '1' && c <= '9')) {
            return Optional.empty();
        }
        if (c == 'u' && pattern.length() >= at + 5 && pattern.substring(at + 1, at + 5).matches("[0-9A-Fa-f]{4}")) {
            return Optional.empty();
        }
        if (c == 'x' && pattern.length() >= at + 3 && pattern.substring(at + 1, at + 3).matches("[0-9A-Fa-f]{2}")) {
            return Optional.empty();
        }
        if ((c == 'p' || c == 'P') && Pattern.compile("\\{[A-Z][a-z]?}").matcher(pattern).region(at + 1, pattern.length()).lookingAt()) {
            return Optional.empty();
        }
        if (c == 'k' && pattern.startsWith("<", at + 1)) {
            return Optional.empty();
        }
        return Optional.of("the escape \\" + c + " is not portable");
    }
}
