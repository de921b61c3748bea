package org.clusterlens.studies.control;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with {@code "} when they hold commas, quotes
 * (doubled) or line breaks; records end with CRLF or LF. Spreadsheets write a UTF-8 byte order
 * mark first, which is not part of the first field.
 */
public final class Csv {

    /** One record, with the line it starts on (a quoted field may span several lines). */
    public record Record(int line, List<String> values) {
        public boolean isBlank() {
            return values.size() == 1 && values.getFirst().isEmpty();
        }
    }

    public static class SyntaxException extends RuntimeException {
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int length = text.length();
        int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        while (i < length) {
            int recordLine = line;
            List<String> values = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < length && text.charAt(i) == '"' && field.isEmpty()) {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= length) {
                            throw new SyntaxException(quoteLine, "a quoted value is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < length && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                }
                // unquoted part (or whatever follows a closing quote, kept as written)
                while (i < length) {
                    char c = text.charAt(i);
                    if (c == ',' || c == '\n' || (c == '\r' && (i + 1 == length || text.charAt(i + 1) == '\n'))) {
                        break;
                    }
                    field.append(c);
                    i++;
                }
                values.add(field.toString());
                field.setLength(0);
                if (i >= length) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i += text.charAt(i) == '\r' ? 2 : 1;
                    line++;
                    endOfRecord = true;
                }
            }
            records.add(new Record(recordLine, List.copyOf(values)));
        }
        return records;
    }

    /** One record as CSV text, ending with CRLF; fields are quoted only when they must be. */
    public static String row(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        return out.append("\r\n").toString();
    }
}
