package org.clusterlens.themes.control;

import java.util.List;

/**
 * The part of an answer that a hit shows, with the words the query matched. {@code text} is cut
 * from the answer as typed (with "…" where it was cut); each highlight is a range of it, in
 * UTF-16 code units from 0, end excluded, as JavaScript counts a string.
 */
public record Snippet(String text, List<Highlight> highlights) {
    public record Highlight(int start, int end) {
    }

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /**
     * The snippet as HTML: the text escaped, so that no answer can add markup, and each highlight
     * in a {@code <mark>} of our own. Bidirectional controls are written as character references,
     * visible in the markup; put the snippet in an element that isolates its direction
     * ({@code <bdi>} or {@code dir="auto"}), so that an answer's unclosed override stays inside it.
     */
    public String html() {
        StringBuilder html = new StringBuilder(text.length() + 16 * highlights.size());
        int at = 0;
        for (Highlight h : highlights) {
            escape(text, at, h.start(), html);
            html.append("<mark>");
            escape(text, h.start(), h.end(), html);
            html.append("</mark>");
            at = h.end();
        }
        escape(text, at, text.length(), html);
        return html.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isBidiControl(c)) {
                        out.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** ALM, LRM, RLM, the embeddings and overrides, and the isolates. */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
