package org.clusterlens.responses.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnswerLimitsTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static List<String> refused(JsonObject answers) {
        ProblemException e = assertThrows(ProblemException.class, () -> AnswerLimits.check(answers));
        assertEquals(400, e.problem().status());
        return e.problem().errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aTextUpToTheLimitIsKept() {
        String text = "é".repeat(AnswerLimits.MAX_TEXT);
        assertDoesNotThrow(() -> AnswerLimits.check(Json.createObjectBuilder().add("q", text).build()));
    }

    @Test
    void eachOverlongTextIsNamedWhereverItSits() {
        String text = "a".repeat(AnswerLimits.MAX_TEXT + 1);
        JsonObject answers = Json.createObjectBuilder().add("short", "ok").add("comments", text)
                .add("workshops", Json.createArrayBuilder().add(Json.createObjectBuilder().add("topic", "fine"))
                        .add(Json.createObjectBuilder().add("a/b", text))).build();
        assertEquals(List.of("/answers/comments", "/answers/workshops/1/a~1b"), refused(answers));
    }

    @Test
    void oneQuestionCannotHoldMoreThanTheLimitInAll() {
        var entries = Json.createArrayBuilder();
        for (int i = 0; i < 30; i++) {
            entries.add("x".repeat(AnswerLimits.MAX_TEXT - 10));
        }
        assertEquals(List.of("/answers/many"), refused(Json.createObjectBuilder().add("many", entries).build()));
        assertDoesNotThrow(() -> AnswerLimits.check(json("{\"n\": 3, \"yes\": true, \"none\": null}")));
    }
}
