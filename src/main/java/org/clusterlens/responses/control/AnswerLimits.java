package org.clusterlens.responses.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much one question's answer may hold, in a draft as in a submission, whatever the template
 * says: drafts are saved unvalidated, and anyone with an open link may save them, so without a
 * limit per question one link could fill the database with 2 MiB drafts of nonsense.
 */
public final class AnswerLimits {
    /** Characters in one text; docs/respond-api.md promises it. */
    public static final int MAX_TEXT = 10_000;
    /** Characters of one question's whole answer as JSON, repeats and all. */
    public static final int MAX_ANSWER = 200_000;

    private AnswerLimits() {
    }

    /** Throws a 400 naming each answer over a limit. */
    public static void check(JsonObject answers) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonValue> answer : answers.entrySet()) {
            String pointer = "/answers/" + escape(answer.getKey());
            if (answer.getValue().toString().length() > MAX_ANSWER) {
                errors.add(new FieldError(pointer, "this answer is longer than " + MAX_ANSWER + " characters in all"));
            } else {
                texts(answer.getValue(), pointer, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some answers are too long (" + errors.size() + ").", errors);
        }
    }

    private static void texts(JsonValue value, String pointer, List<FieldError> errors) {
        switch (value) {
            case JsonString text when text.getString().length() > MAX_TEXT -> errors.add(new FieldError(pointer,
                    "at most " + MAX_TEXT + " characters (this has " + text.getString().length() + ")"));
            case JsonObject object -> object.forEach((name, v) -> texts(v, pointer + "/" + escape(name), errors));
            case JsonArray array -> {
                for (int i = 0; i < array.size(); i++) {
                    texts(array.get(i), pointer + "/" + i, errors);
                }
            }
            default -> {
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
