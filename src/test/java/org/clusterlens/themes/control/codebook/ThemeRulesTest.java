package org.clusterlens.themes.control.codebook;

import org.clusterlens.platform.errors.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeRulesTest {

    private static List<String> fields(String name, String description, String query) {
        return ThemeRules.problems(new ThemeRules.Draft(name, description, query, null), "").stream()
                .map(FieldError::field).toList();
    }

    @Test
    void aNameIsOneLineOfOneTo200Characters() {
        assertEquals(List.of(), fields("Energy costs", null, null));
        assertEquals(List.of(), fields("x".repeat(200), "", ""));
        assertEquals(List.of("/name"), fields("x".repeat(201), null, null));
        assertEquals(List.of("/name"), fields("   ", null, null));
        assertEquals(List.of("/name"), fields(null, null, null));
        assertEquals(List.of("/name"), fields("Energy\0costs", null, null));
        assertEquals(List.of("/name"), fields("Energy\ncosts", null, null));
    }

    @Test
    void everyProblemIsNamedAtOnceUnderItsPart() {
        var errors = ThemeRules.problems(new ThemeRules.Draft("", "a\0b", "power\0", null), "/parts/1");
        assertEquals(List.of("/parts/1/name", "/parts/1/description", "/parts/1/query"),
                errors.stream().map(FieldError::field).toList());
        assertEquals(5, errors.get(2).position());
        assertEquals(List.of("/query"), fields("Energy", null, "power ".repeat(200)));
    }

    @Test
    void mergedQueriesMatchTheAnswersOfEither() {
        assertEquals("(power OR electricity) OR (flour AND price)", ThemeRules.either("power OR electricity", " flour AND price"));
        assertEquals("flour", ThemeRules.either("", "flour"));
        assertEquals("flour", ThemeRules.either("flour", null));
        assertEquals("flour", ThemeRules.either("flour", "flour"));
        assertTrue(ThemeRules.either(null, null).isEmpty());
    }
}
