package org.clusterlens.container;

import java.nio.charset.StandardCharsets;

/**
 * The problem+json body of an error that Payara's HTTP layer answers before the application
 * runs: the same shape as the application's own problems (RFC 9457), built without a JSON
 * library because the HTTP layer's class loader has none the application could rely on.
 */
public final class ProblemBody {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemBody() {
    }

    /** {@code field}, when not null, is named in {@code errors} as the application does. */
    public static byte[] json(int status, String detail, String field) {
        StringBuilder json = new StringBuilder(200)
                .append("{\"type\":\"about:blank\",\"title\":");
        quote(json, title(status));
        json.append(",\"status\":").append(status).append(",\"detail\":");
        quote(json, detail);
        if (field != null) {
            json.append(",\"errors\":[{\"field\":");
            quote(json, field);
            json.append(",\"message\":");
            quote(json, detail);
            json.append("}]");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The standard reason phrase: never the container's own one, such as "Invalid URI". */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }

    /** What the client did wrong, as far as a status and the container's reason phrase tell. */
    public static String detail(int status, String containerReason) {
        if (status == 400 && "Invalid URI".equalsIgnoreCase(containerReason)) {
            return "The address is not valid.";
        }
        return switch (status) {
            case 400 -> "The request is malformed, or its request line or headers are too large.";
            case 505 -> "The HTTP version is not supported: use HTTP/1.1.";
            default -> status >= 500 ? "The server could not process the request." : "The request could not be processed.";
        };
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
