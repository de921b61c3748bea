package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A canonical text for a JSON value, so that equal documents hash equally: object keys sorted by
 * Unicode code point, no whitespace, numbers as {@code JsonNumber.toString()} writes them, strings
 * with only {@code "}, {@code \} and control characters escaped (non-ASCII stays as is).
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** SHA-256 of the canonical text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256Hex(JsonValue value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonObject object -> {
                // String.compareTo orders UTF-16 units, which differs from code point order above U+FFFF.
                List<String> keys = new ArrayList<>(object.keySet());
                keys.sort(CanonicalJson::compareCodePoints);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(keys.get(i), out);
                    out.append(':');
                    write(object.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case JsonString string -> string(string.getString(), out);
            default -> out.append(value);
        }
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
