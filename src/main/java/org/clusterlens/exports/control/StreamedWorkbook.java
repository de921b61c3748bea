package org.clusterlens.exports.control;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.StreamingSheetWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * An XLSX workbook whose sheets are written while the file goes out: POI's streaming workbook
 * normally keeps every sheet in a temporary file and sends the file only at the end, which would
 * leave a large export silent for minutes. Here each sheet's rows come from its {@link Source} at
 * the moment the sheet's part is written into the ZIP, straight onto the response. Text is always
 * a text cell, never a formula; numbers are numbers, dates and times are dates.
 */
final class StreamedWorkbook extends SXSSFWorkbook {
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** Writes one sheet's rows, header first. */
    @FunctionalInterface
    interface Source {
        void write(Rows rows) throws IOException;
    }

    private final Map<SXSSFSheet, Source> sources = new IdentityHashMap<>();
    private final Set<String> sheetNames = new HashSet<>();
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle timestamp;

    StreamedWorkbook() {
        super(null, 1, false, false);
        Font bold = createFont();
        bold.setBold(true);
        header = createCellStyle();
        header.setFont(bold);
        date = createCellStyle();
        date.setDataFormat(createDataFormat().getFormat("yyyy-mm-dd"));
        timestamp = createCellStyle();
        timestamp.setDataFormat(createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
    }

    void sheet(String name, Source source) {
        SXSSFSheet sheet = createSheet(sheetName(name));
        sheet.createFreezePane(0, 1);
        sources.put(sheet, source);
    }

    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
        Source source = sources.get(sheet);
        if (source == null) {
            return super.createSheetInjector(sheet);
        }
        return out -> {
            StreamingSheetWriter writer = new StreamingSheetWriter(new Unclosable(out));
            source.write(new Rows(sheet, writer));
            writer.close();
        };
    }

    /** Sheet XML is verbose and deflates well even at the fastest level, which costs a fraction of the default's time. */
    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    /** Sheet names are at most 31 characters, without {@code []:*?/\}, and unique ignoring case. */
    private String sheetName(String wanted) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", "_");
        base = base.length() > 31 ? base.substring(0, 31) : base;
        String name = base;
        for (int n = 2; !sheetNames.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** The rows of one sheet as they are written. */
    final class Rows {
        private final SXSSFSheet sheet;
        private final StreamingSheetWriter writer;
        private int next;
        private long dropped;

        private Rows(SXSSFSheet sheet, StreamingSheetWriter writer) {
            this.sheet = sheet;
            this.writer = writer;
        }

        void header(List<String> names) throws IOException {
            SXSSFRow row = new SXSSFRow(sheet);
            for (int i = 0; i < names.size(); i++) {
                SXSSFCell cell = row.createCell(i);
                cell.setCellValue(names.get(i));
                cell.setCellStyle(header);
            }
            writer.writeRow(next++, row);
        }

        void row(Object[] cells) throws IOException {
            if (next >= MAX_ROWS - 1) {
                dropped++;
                return;
            }
            SXSSFRow row = new SXSSFRow(sheet);
            for (int i = 0; i < cells.length; i++) {
                Object value = cells[i];
                if (value == null) {
                    continue;
                }
                SXSSFCell cell = row.createCell(i);
                switch (value) {
                    case String text -> cell.setCellValue(text.length() > MAX_TEXT
                            ? text.substring(0, MAX_TEXT - 1) + "…" : text);
                    case BigDecimal number -> cell.setCellValue(number.doubleValue());
                    case LocalDate day -> {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    }
                    case Instant instant -> {
                        cell.setCellValue(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
                        cell.setCellStyle(timestamp);
                    }
                    default -> cell.setCellValue(value.toString());
                }
            }
            writer.writeRow(next++, row);
        }

        /** Says, in the sheet's last row, how many rows did not fit; a sheet holds 1,048,576. */
        void finish() throws IOException {
            if (dropped > 0) {
                SXSSFRow row = new SXSSFRow(sheet);
                row.createCell(0).setCellValue(dropped + " more rows do not fit in a sheet; the .zip export has them all.");
                writer.writeRow(next++, row);
            }
        }
    }
}
