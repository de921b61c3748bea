package org.clusterlens.forms.expression;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The vectors in {@code expressions/conformance.json}, which the respondent form's JavaScript
 * evaluator (src/test/js/expressions.test.mjs) must also pass: one expression semantics in the
 * browser and on the server.
 *
 * <p>A vector is {@code {expression, answers, current?, repeats?, entry?, today?, expected}}.
 * {@code repeats} maps a repeat's name to its entries (objects of answers); {@code entry}
 * ({@code {repeat, index}}) is the entry in which {@code ${q}} is resolved, falling back to
 * {@code answers}. {@code sum(${q})} collects {@code q} across the entries of the first repeat
 * whose entries answer it, and a name of {@code answers} is its one answer. {@code position()}
 * is the entry's index + 1 (0 without {@code entry}). {@code today} defaults to the date of
 * {@code now}, else 2025-03-14; {@code now} (an ISO date-time with offset) to midnight UTC of
 * {@code today}. {@code labels} maps a question to its choices' labels, for {@code jr:choice-name}.
 * {@code expected} is a string, boolean, number or array of strings,
 * {@code {"number": "NaN" | "Infinity" | "-Infinity"}}, {@code {"matches": regex}} for a string of
 * random content, or {@code {"error": "syntax"}}. Numbers compare with {@code ==} (so -0 equals 0),
 * NaN equals NaN, unless the vector gives a {@code tolerance}: the math libraries of Java and
 * JavaScript may differ in the last digit of a sine or a logarithm.
 *
 * <p>{@code -Dconformance.print=<file>} writes what this evaluator computes for every vector, one
 * JSON value per line, to review and paste as {@code expected}.
 */
class ConformanceTest {

    private static final String VECTORS = "/expressions/conformance.json";
    private static final LocalDate DEFAULT_TODAY = LocalDate.of(2025, 3, 14);

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsExpectedValue() {
        JsonArray vectors = vectors();
        assertTrue(vectors.size() >= 150, "at least 150 vectors, found " + vectors.size());
        return IntStream.range(0, vectors.size()).mapToObj(i -> {
            JsonObject vector = vectors.getJsonObject(i);
            return DynamicTest.dynamicTest("#" + i + " " + vector.getString("expression"), () -> check(vector));
        });
    }

    @Test
    @EnabledIfSystemProperty(named = "conformance.print", matches = ".+")
    void printWhatTheJavaEvaluatorComputes() throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonValue vector : vectors()) {
            lines.add(outcome(vector.asJsonObject()).toString());
        }
        Files.write(Path.of(System.getProperty("conformance.print")), lines, StandardCharsets.UTF_8);
    }

    private static void check(JsonObject vector) {
        String source = vector.getString("expression");
        JsonValue expected = vector.get("expected");
        if (expected == null) {
            fail("the vector has no expected value");
        }
        if (expected instanceof JsonObject object && object.containsKey("error")) {
            assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse(source));
            return;
        }
        Object actual = ExpressionParser.parse(source).evaluate(new VectorContext(vector));
        double tolerance = vector.containsKey("tolerance") ? vector.getJsonNumber("tolerance").doubleValue() : 0;
        if (expected instanceof JsonObject object && object.containsKey("matches")) {
            String text = assertInstanceOf(String.class, actual);
            assertTrue(text.matches(object.getString("matches")), text + " does not match " + object);
            return;
        }
        switch (expected.getValueType()) {
            case STRING -> assertEquals(((JsonString) expected).getString(), actual);
            case TRUE -> assertEquals(Boolean.TRUE, actual);
            case FALSE -> assertEquals(Boolean.FALSE, actual);
            case NUMBER -> assertNumber(((JsonNumber) expected).doubleValue(), actual, tolerance);
            case OBJECT -> assertNumber(special(expected.asJsonObject().getString("number")), actual, 0);
            case ARRAY -> assertEquals(expected.asJsonArray().getValuesAs(JsonString::getString), actual);
            default -> fail("unsupported expected value " + expected);
        }
    }

    private static void assertNumber(double expected, Object actual, double tolerance) {
        double value = assertInstanceOf(Double.class, actual);
        assertTrue(value == expected || Math.abs(value - expected) <= tolerance
                        || (Double.isNaN(value) && Double.isNaN(expected)),
                "expected " + expected + " but was " + value);
    }

    private static double special(String name) {
        return switch (name) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static JsonValue outcome(JsonObject vector) {
        Object value;
        try {
            value = ExpressionParser.parse(vector.getString("expression")).evaluate(new VectorContext(vector));
        } catch (ExpressionSyntaxException e) {
            return Json.createObjectBuilder().add("error", "syntax").build();
        }
        return switch (value) {
            case String s -> Json.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Double d when d.isNaN() || d.isInfinite() ->
                    Json.createObjectBuilder().add("number", Values.toText(d)).build();
            case Double d -> Json.createValue(d);
            case List<?> list -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(element -> array.add((String) element));
                yield array.build();
            }
            default -> throw new IllegalStateException("unexpected value " + value);
        };
    }

    private static JsonArray vectors() {
        try (InputStream in = ConformanceTest.class.getResourceAsStream(VECTORS)) {
            if (in == null) {
                throw new IllegalStateException(VECTORS + " is not on the test class path");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers as the vector gives them, in the Java types an EvaluationContext may return. */
    private static final class VectorContext implements EvaluationContext {

        private final Map<String, Object> answers;
        private final Map<String, List<Map<String, Object>>> repeats = new LinkedHashMap<>();
        private final Map<String, Object> entry;
        private final Object current;
        private final LocalDate today;
        private final OffsetDateTime now;
        private final int position;
        private final Map<String, Object> labels;

        @SuppressWarnings("unchecked")
        VectorContext(JsonObject vector) {
            answers = (Map<String, Object>) plain(vector.getOrDefault("answers", JsonValue.EMPTY_JSON_OBJECT));
            JsonObject repeatsJson = vector.containsKey("repeats") ? vector.getJsonObject("repeats") : JsonValue.EMPTY_JSON_OBJECT;
            repeatsJson.forEach((name, entries) -> repeats.put(name, (List<Map<String, Object>>) plain(entries)));
            if (vector.containsKey("entry")) {
                JsonObject at = vector.getJsonObject("entry");
                entry = repeats.get(at.getString("repeat")).get(at.getInt("index"));
                position = at.getInt("index") + 1;
            } else {
                entry = null;
                position = 0;
            }
            current = vector.containsKey("current") ? plain(vector.get("current")) : null;
            OffsetDateTime givenNow = vector.containsKey("now") ? OffsetDateTime.parse(vector.getString("now")) : null;
            today = vector.containsKey("today") ? LocalDate.parse(vector.getString("today"))
                    : givenNow != null ? givenNow.toLocalDate() : DEFAULT_TODAY;
            now = givenNow != null ? givenNow : today.atStartOfDay().atOffset(ZoneOffset.UTC);
            labels = (Map<String, Object>) plain(vector.getOrDefault("labels", JsonValue.EMPTY_JSON_OBJECT));
        }

        private static Object plain(JsonValue json) {
            return switch (json.getValueType()) {
                case NULL -> null;
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case STRING -> ((JsonString) json).getString();
                case NUMBER -> ((JsonNumber) json).doubleValue();
                case ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    json.asJsonArray().forEach(element -> list.add(plain(element)));
                    yield list;
                }
                case OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    json.asJsonObject().forEach((key, value) -> map.put(key, plain(value)));
                    yield map;
                }
            };
        }

        @Override
        public Object answer(String name) {
            return entry != null && entry.containsKey(name) ? entry.get(name) : answers.get(name);
        }

        @Override
        public Object currentValue() {
            return current;
        }

        @Override
        public List<Object> repeatValues(String name) {
            if (repeats.containsKey(name)) {
                return new ArrayList<>(repeats.get(name));
            }
            for (List<Map<String, Object>> entries : repeats.values()) {
                if (entries.stream().anyMatch(e -> e.containsKey(name))) {
                    List<Object> values = new ArrayList<>();
                    entries.forEach(e -> values.add(e.get(name)));
                    return values;
                }
            }
            return answers.containsKey(name) ? new ArrayList<>(List.of(Values.normalise(answer(name)))) : List.of();
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public OffsetDateTime now() {
            return now;
        }

        @Override
        public int position() {
            return position;
        }

        @Override
        public String choiceLabel(String question, String value) {
            return labels.get(question) instanceof Map<?, ?> choices && choices.get(value) instanceof String label
                    ? label : "";
        }
    }
}
