package org.clusterlens.container;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What Payara's HTTP layer cannot be trusted to refuse properly in the path of a request target:
 * a {@code %} that is not followed by two hexadecimal digits (Payara logs a stack trace and
 * answers 200 with an empty body), a NUL and bytes that are not UTF-8 once decoded (Payara
 * answers 400 with an empty body). The path is given as its raw bytes, one char per byte
 * (ISO-8859-1), without the query string.
 */
public final class AddressRules {
    public static final String BAD_ESCAPE =
            "The address contains a % that is not followed by two hexadecimal digits.";
    public static final String NUL = "The address contains a NUL character (%00).";
    public static final String NOT_UTF8 = "The address is not correctly percent-encoded UTF-8.";

    private AddressRules() {
    }

    /** The reason the path is refused, or {@code null} when it is acceptable. */
    public static String problem(CharSequence rawPath) {
        int length = rawPath.length();
        boolean needsDecoding = false;
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (c == '%' || c > 0x7F) {
                needsDecoding = true;
            }
        }
        return needsDecoding ? decodedProblem(rawPath) : null;
    }

    private static String decodedProblem(CharSequence rawPath) {
        int length = rawPath.length();
        byte[] bytes = new byte[length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 1 < length ? hex(rawPath.charAt(i + 1)) : -1;
                int low = i + 2 < length ? hex(rawPath.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return BAD_ESCAPE;
                }
                int b = high << 4 | low;
                if (b == 0) {
                    return NUL;
                }
                bytes[n++] = (byte) b;
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n));
            return null;
        } catch (CharacterCodingException e) {
            return NOT_UTF8;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
