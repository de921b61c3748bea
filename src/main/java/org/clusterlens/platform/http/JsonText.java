package org.clusterlens.platform.http;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import org.clusterlens.platform.errors.ProblemException;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Two things no JSON body may hold, checked on the raw bytes before any parser builds a tree:
 * nesting deeper than {@link #MAX_DEPTH} (ten thousand {@code [} made the parsers recurse until the
 * stack overflowed, a 500 with a thousand lines of log) and a NUL character, which no name or
 * answer needs and which databases, CSV readers and C libraries cut text at.
 */
public final class JsonText {
    public static final int MAX_DEPTH = 64;
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    /**
     * Throws a problem naming where the body breaks a rule. Malformed JSON is left to the parser
     * that reads the body next, which says where it broke.
     */
    public static void check(byte[] body) {
        int depth = 0;
        boolean inString = false;
        boolean nul = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\' && i + 1 < body.length) {
                    i++;
                    if (body[i] == 'u' && i + 4 < body.length && body[i + 1] == '0' && body[i + 2] == '0'
                            && body[i + 3] == '0' && body[i + 4] == '0') {
                        nul = true;
                    }
                } else if (b == '"') {
                    inString = false;
                } else if (b == 0) {
                    nul = true;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    throw ProblemException.invalidField("/", "The request body is nested more than " + MAX_DEPTH
                            + " levels deep (at byte " + i + "); no ClusterLens document needs that many.");
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        if (nul) {
            String where = whereNul(body);
            throw ProblemException.invalidField(where, "The text at " + where
                    + " contains a NUL character (U+0000), which ClusterLens does not store. Remove it and send again.");
        }
    }

    /** The JSON pointer of the first string (value or name) holding a NUL. */
    static String whereNul(byte[] body) {
        Deque<Object> path = new ArrayDeque<>(); // String: the current name in an object; int[]: the index in an array
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        advance(path);
                        path.push(event == JsonParser.Event.START_ARRAY ? new int[]{-1} : "");
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        continue;
                    }
                    case KEY_NAME -> {
                        path.pop();
                        path.push(parser.getString());
                        if (parser.getString().indexOf('\0') >= 0) {
                            return pointer(path);
                        }
                        continue;
                    }
                    default -> {
                    }
                }
                advance(path);
                if (event == JsonParser.Event.VALUE_STRING && parser.getString().indexOf('\0') >= 0) {
                    return pointer(path);
                }
            }
        } catch (jakarta.json.JsonException e) {
            return "/";
        }
        return "/";
    }

    /** A value in an array moves the index on; in an object its name already says where it is. */
    private static void advance(Deque<Object> path) {
        if (path.peek() instanceof int[] index) {
            index[0]++;
        }
    }

    private static String pointer(Deque<Object> path) {
        StringBuilder pointer = new StringBuilder();
        path.descendingIterator().forEachRemaining(step -> pointer.append('/').append(step instanceof int[] index
                ? String.valueOf(index[0]) : step.toString().replace("~", "~0").replace("/", "~1")
                .replace("\0", "\\u0000"))); // the pointer names the NUL, never carries one back
        return pointer.isEmpty() ? "/" : pointer.toString();
    }
}
