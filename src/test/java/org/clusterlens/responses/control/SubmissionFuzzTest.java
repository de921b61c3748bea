package org.clusterlens.responses.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.TemplateModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.clusterlens.responses.control.Submissions.JSON;
import static org.clusterlens.responses.control.Submissions.json;
import static org.clusterlens.responses.control.Submissions.label;
import static org.clusterlens.responses.control.Submissions.resource;
import static org.clusterlens.responses.control.Submissions.value;
import static org.clusterlens.responses.control.Submissions.with;
import static org.clusterlens.responses.control.Submissions.withItems;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever JSON a client sends, the validator answers with errors, never with an exception. */
class SubmissionFuzzTest {

    private static final List<JsonValue> SHAPES = List.of(
            JsonValue.NULL, JsonValue.TRUE, JsonValue.FALSE,
            value("0"), value("-1"), value("1.5"), value("1e308"), value("-1e-320"),
            JSON.createValue(new BigDecimal("1e400")), JSON.createValue(new BigDecimal("12345678901234567890123")),
            value("\"\""), value("\" \""), value("\"yes\""), value("\"other\""), value("\"2024-02-29\""),
            value("\"12\""), value("\"red\""), value("\"NaN\""), value("\"🌍\""),
            value("[]"), value("[null]"), value("[1, 2]"), value("[\"red\", \"other\"]"), value("[[]]"), value("[{}]"),
            value("[{\"actor\": 12, \"relations\": [\"buys_from\"]}]"), value("[{\"actor\": null, \"relations\": null}]"),
            value("[{\"actor\": 1e400, \"relations\": [1]}]"),
            value("{}"), value("{\"lat\": 1}"), value("{\"lat\": 1, \"lon\": 2, \"accuracy\": \"x\"}"),
            value("{\"quality\": \"high\"}"), value("{\"quality\": [\"high\"]}"), value("{\"a\": {\"b\": []}}"));

    private static final TemplateModel EVERY_TYPE = TemplateModel.from(resource("every-type.json"));
    private static final JsonObject EVERY_TYPE_ANSWERS = resource("every-type-answers.json");

    private static final TemplateModel REPEATS = withItems("""
            {"type": "integer", "name": "n", LABEL},
            {"type": "repeat", "name": "fixed", "count": 2, LABEL, "items": [
              {"type": "select_one", "name": "pick", "choices": "colours", "other": true, "required": true, LABEL},
              {"type": "integer", "name": "size", "constraint": ". < ${n}", LABEL}]},
            {"type": "repeat", "name": "counted", "countFrom": "${n}", LABEL, "items": [
              {"type": "select_multiple", "name": "picks", "choices": "colours", "relevant": "${size} > 0", LABEL},
              {"type": "repeat", "name": "inner", "maxCount": 2, LABEL, "items": [
                {"type": "decimal", "name": "weight", "required": true, LABEL}]}]},
            {"type": "calculate", "name": "total", "calculation": "sum(${size}) + count(${counted})"}
            """.replace("LABEL", label("Q")));

    @Test
    void everyAnswerReplacedByEveryOtherJsonShapeGivesErrorsNotExceptions() {
        List<String> keys = new ArrayList<>(EVERY_TYPE.questions().stream().map(Question::name).toList());
        keys.addAll(List.of("colour_other", "colours_other", "unknown"));
        for (String key : keys) {
            for (JsonValue shape : SHAPES) {
                JsonObject answers = with(EVERY_TYPE_ANSWERS, key, shape);
                SubmissionValidator.Result result = assertDoesNotThrow(
                        () -> new SubmissionValidator(EVERY_TYPE)
                                .validate(answers, "fr", Submissions.TODAY, Submissions.REGISTER), key + " = " + shape);
                assertWellFormed(result, key + " = " + shape);
                result.errors().forEach(error -> assertTrue(
                        error.pointer().startsWith("/answers/" + key) || error.pointer().equals("/answers/staff_double"),
                        key + " = " + shape + " reported at " + error.pointer()));
            }
        }
    }

    @Test
    void repeatsAndTheirEntriesReplacedByEveryJsonShapeGiveErrorsNotExceptions() {
        JsonObject valid = json("""
                {"n": 1, "fixed": [{"pick": "red", "size": 0}, {"pick": "other", "pick_other": "Teal"}],
                 "counted": [{"picks": ["red"], "inner": [{"weight": 1.5}]}]}
                """);
        assertEquals(List.of(), Submissions.validate(REPEATS, valid, "en").errors());
        for (JsonValue shape : SHAPES) {
            List<JsonObject> variants = List.of(
                    with(valid, "fixed", shape),
                    with(valid, "counted", shape),
                    with(valid, "n", shape),
                    with(valid, "fixed", JSON.createArrayBuilder().add(shape).add(shape).build()),
                    with(valid, "counted", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("picks", shape).add("inner", shape)).build()),
                    with(valid, "counted", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                            .add("inner", JSON.createArrayBuilder().add(shape).add(JSON.createObjectBuilder()
                                    .add("weight", shape)))).build()),
                    with(valid, "fixed", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("pick", shape).add("size", shape).add("pick_other", shape))
                            .add(JSON.createObjectBuilder().add("pick", "other").add("pick_other", shape)).build()));
            for (JsonObject answers : variants) {
                SubmissionValidator.Result result = assertDoesNotThrow(
                        () -> Submissions.validate(REPEATS, answers, "ar"), answers.toString());
                assertWellFormed(result, answers.toString());
            }
        }
    }

    @Test
    void randomSubmissionsNeverThrow() {
        Random random = new Random(20250314);
        List<String> keys = List.of("nickname", "story", "staff", "staff_double", "share", "opened", "exports",
                "colour", "colour_other", "agreement", "colours", "colours_other", "ranking", "ratings", "location",
                "links", "founded", "margin", "welcome", "n", "fixed", "counted", "pick", "size", "inner", "weight",
                "total", "nope", "", "/", "~");
        List<String> languages = java.util.Arrays.asList("en", "fr", "ar", "sw", "", null);
        for (int i = 0; i < 2_000; i++) {
            JsonObject answers = randomObject(random, keys, 3);
            String language = languages.get(random.nextInt(languages.size()));
            TemplateModel template = i % 2 == 0 ? EVERY_TYPE : REPEATS;
            SubmissionValidator.Result result = assertDoesNotThrow(
                    () -> new SubmissionValidator(template)
                            .validate(answers, language, null, Submissions.register(Set.of(12L))),
                    answers.toString());
            assertWellFormed(result, answers.toString());
        }
    }

    @Test
    void missingAnswersLanguageDateAndRegisterAreTolerated() {
        SubmissionValidator.Result result = assertDoesNotThrow(
                () -> new SubmissionValidator(EVERY_TYPE).validate(null, null, null, null));

        assertEquals(List.of(new SubmissionValidator.AnswerError("/answers/staff", "Please answer this question."),
                new SubmissionValidator.AnswerError("/answers/ratings", "Please answer this question.")), result.errors());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, result.answers());
    }

    private static void assertWellFormed(SubmissionValidator.Result result, String context) {
        assertNotNull(result.answers(), context);
        for (SubmissionValidator.AnswerError error : result.errors()) {
            assertTrue(error.pointer().startsWith("/answers/"), context + ": " + error);
            assertFalse(error.message().isBlank(), context + ": " + error);
            assertFalse(error.message().contains("{0}") || error.message().contains("{1}"), context + ": " + error);
        }
    }

    private static JsonObject randomObject(Random random, List<String> keys, int depth) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        int size = random.nextInt(8);
        for (int i = 0; i < size; i++) {
            object.add(keys.get(random.nextInt(keys.size())), randomValue(random, keys, depth - 1));
        }
        return object.build();
    }

    private static JsonValue randomValue(Random random, List<String> keys, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> JsonValue.NULL;
            case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 2 -> JSON.createValue(random.nextInt(200) - 50);
            case 3 -> JSON.createValue(random.nextDouble() * 1000 - 500);
            case 4 -> SHAPES.get(random.nextInt(SHAPES.size()));
            case 5 -> JSON.createValue(List.of("", "yes", "no", "red", "other", "high", "2020-01-01", "1", "🌍")
                    .get(random.nextInt(9)));
            case 6 -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, keys, depth - 1));
                }
                yield array.build();
            }
            default -> randomObject(random, keys, depth - 1);
        };
    }
}
