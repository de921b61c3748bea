package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, problem-reporting access to a template's JSON. Accessors return {@code null} when a value
 * is absent or has the wrong type, having reported why, so the caller carries on with the rest.
 */
final class Inspection {

    private final List<TemplateProblem> problems = new ArrayList<>();
    private List<String> languages = List.of();

    List<TemplateProblem> problems() {
        return List.copyOf(problems);
    }

    void report(String pointer, String message) {
        problems.add(new TemplateProblem(pointer, message));
    }

    /** Languages every text must have; none until the template's languages are known to be valid. */
    void languages(List<String> declared) {
        languages = List.copyOf(declared);
    }

    void allowOnly(JsonObject object, String pointer, Set<String> allowed) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                report(Pointers.child(pointer, key), "unknown key '" + key + "'");
            }
        }
    }

    JsonValue member(JsonObject object, String key, String pointer, boolean required) {
        JsonValue value = object.get(key);
        if (value == null && required) {
            report(pointer, "missing '" + key + "'");
        }
        return value;
    }

    String string(JsonObject object, String key, String pointer, boolean required) {
        JsonValue value = member(object, key, pointer, required);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        report(Pointers.child(pointer, key), "'" + key + "' must be a string");
        return null;
    }

    Boolean bool(JsonObject object, String key, String pointer) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        report(Pointers.child(pointer, key), "'" + key + "' must be true or false");
        return null;
    }

    JsonNumber number(JsonObject object, String key, String pointer) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number;
        }
        report(Pointers.child(pointer, key), "'" + key + "' must be a number");
        return null;
    }

    Long wholeNumber(JsonObject object, String key, String pointer, long minimum) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.stripTrailingZeros().scale() <= 0 && decimal.compareTo(BigDecimal.valueOf(minimum)) >= 0
                    && decimal.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return decimal.longValue();
            }
        }
        report(Pointers.child(pointer, key), "'" + key + "' must be a whole number of at least " + minimum);
        return null;
    }

    JsonArray array(JsonObject object, String key, String pointer, boolean required) {
        JsonValue value = member(object, key, pointer, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            report(Pointers.child(pointer, key), "'" + key + "' must be a list");
            return null;
        }
        if (array.isEmpty()) {
            report(Pointers.child(pointer, key), "'" + key + "' must not be empty");
        }
        return array;
    }

    JsonObject object(JsonValue value, String pointer, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        report(pointer, what + " must be an object");
        return null;
    }

    /** Checks a text: an object with one non-blank string for each declared language. */
    void text(JsonObject owner, String key, String pointer, boolean required) {
        JsonValue value = member(owner, key, pointer, required);
        if (value == null) {
            return;
        }
        String textPointer = Pointers.child(pointer, key);
        if (!(value instanceof JsonObject text)) {
            report(textPointer, "'" + key + "' must be an object with one text per language, e.g. {\"en\": \"…\"}");
            return;
        }
        for (Map.Entry<String, JsonValue> entry : text.entrySet()) {
            String entryPointer = Pointers.child(textPointer, entry.getKey());
            if (!languages.isEmpty() && !languages.contains(entry.getKey())) {
                report(entryPointer, "text in undeclared language '" + entry.getKey() + "'");
            } else if (!(entry.getValue() instanceof JsonString string)) {
                report(entryPointer, "text must be a string");
            } else if (string.getString().isBlank()) {
                report(entryPointer, "empty '" + entry.getKey() + "' text");
            }
        }
        for (String language : languages) {
            if (!text.containsKey(language)) {
                report(textPointer, "missing '" + language + "' translation");
            }
        }
    }
}
