package org.clusterlens.platform.http;

import org.clusterlens.platform.errors.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTextTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusedAt(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> JsonText.check(utf8(json)));
        return e.problem().errors().getFirst().field();
    }

    @Test
    void nestingUpToTheLimitIsFineBeyondItIsRefused() {
        int limit = JsonText.MAX_DEPTH;
        assertDoesNotThrow(() -> JsonText.check(utf8("[".repeat(limit) + "]".repeat(limit))));
        ProblemException e = assertThrows(ProblemException.class,
                () -> JsonText.check(utf8("[".repeat(10_000) + "]".repeat(10_000))));
        assertTrue(e.problem().detail().contains("nested"), e.problem()::detail);
    }

    @Test
    void bracketsInsideTextAreNotNesting() {
        String text = "\"" + "[{".repeat(500) + "\\\"" + "\"";
        assertDoesNotThrow(() -> JsonText.check(utf8("{\"a\": " + text + "}")));
    }

    @Test
    void aNulIsNamedByItsJsonPointer() {
        assertEquals("/name", refusedAt("{\"name\": \"a\\u0000\"}"));
        assertEquals("/answers/q/2", refusedAt("{\"answers\": {\"p\": [1], \"q\": [\"x\", {\"y\": 1}, \"\\u0000\"]}}"));
        assertEquals("/list/1/deep", refusedAt("{\"list\": [{\"a\": 1}, {\"deep\": \"\\u0000\"}]}"));
        assertEquals("/a~1b\\u0000", refusedAt("{\"a/b\\u0000\": 1}"));
    }

    @Test
    void anEscapedBackslashBeforeU0000IsPlainText() {
        assertDoesNotThrow(() -> JsonText.check(utf8("{\"path\": \"C:\\\\u0000\"}")));
    }

    @Test
    void otherControlsAndBidiMarksPass() {
        assertDoesNotThrow(() -> JsonText.check(utf8("{\"name\": \"\\u202Eabc\\u202C \u2066x\u2069 \\u0001\"}")));
    }
}
