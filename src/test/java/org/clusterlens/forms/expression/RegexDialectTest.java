package org.clusterlens.forms.expression;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexDialectTest {

    @Test
    void patternsBothEnginesReadAlikeAreAccepted() {
        for (String pattern : List.of("[0-9]+", "\\d{3}-\\d{4}", "[A-Za-z_.-]+", "(?:ab|cd)*", "a+?b",
                "\\p{L}+", "(?<year>\\d{4})-\\k<year>", "\\u00e9\\.\\(", "^x$", "[^\\]]")) {
            assertTrue(RegexDialect.problem(pattern).isEmpty(), pattern + ": " + RegexDialect.problem(pattern));
        }
    }

    @Test
    void javaOnlyOrInvalidPatternsAreRefusedWithAReason() {
        for (String pattern : List.of("(", "a++", "a*+", "(?>a)", "(?i)abc", "\\Aabc\\z", "\\Qa.b\\E",
                "[a-z&&[^e]]", "[a[b]]", "\\p{javaLowerCase}", "\\h", "\\-")) {
            assertTrue(RegexDialect.problem(pattern).isPresent(), pattern);
        }
    }
}
