package org.clusterlens.exports.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Answers as cell values: text, numbers as {@link java.math.BigDecimal}, dates as {@link LocalDate}. */
final class Cells {

    private Cells() {
    }

    /** Whatever the answer is: a text as written, a number as a number, anything else as JSON. */
    static Object any(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return switch (value) {
            case JsonString s -> s.getString();
            case JsonNumber n -> n.bigDecimalValue();
            case JsonArray a when a.stream().allMatch(v -> v instanceof JsonString) -> String.join(" ", strings(a));
            default -> value.toString();
        };
    }

    static Object date(JsonValue value) {
        if (value instanceof JsonString s) {
            try {
                return LocalDate.parse(s.getString());
            } catch (DateTimeParseException notADate) {
                return s.getString();
            }
        }
        return any(value);
    }

    static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (v instanceof JsonString s) {
                strings.add(s.getString());
            }
        }
        return strings;
    }
}
