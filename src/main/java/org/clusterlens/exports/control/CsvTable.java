package org.clusterlens.exports.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One table as RFC 4180 CSV in UTF-8. Every text cell is quoted, so that no spreadsheet splits it
 * on its own separator (Excel in a French locale splits on {@code ;}), and a text that starts like
 * a formula gets a leading apostrophe, which spreadsheets read as "this is text". Numbers are left
 * bare; an empty cell means no answer.
 */
final class CsvTable implements Closeable, Flushable {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\r\n").get();

    private final Writer writer;
    private final CSVPrinter printer;
    private final Object[] record;

    CsvTable(OutputStream out, List<String> header, boolean byteOrderMark) throws IOException {
        // Commons CSV writes a field in many small pieces; encoding each one alone costs a fifth of an export
        writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        printer = new CSVPrinter(writer, FORMAT);
        record = new Object[header.size()];
        row(header.toArray());
    }

    void row(Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            record[i] = cell(cells[i]);
        }
        printer.printRecord(record);
    }

    static Object cell(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal number -> new PlainNumber(number);
            case String text -> safe(text);
            default -> value.toString();
        };
    }

    /** A spreadsheet runs a cell that starts like a formula; the apostrophe makes it text. */
    static String safe(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** A number written as digits, never as 1E+3, and never quoted. */
    static final class PlainNumber extends Number {
        private final BigDecimal value;

        PlainNumber(BigDecimal value) {
            this.value = value;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }
}
