package org.clusterlens.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** An export as text a test can search: every file of a ZIP, every cell of a workbook. */
public final class Exported {

    private Exported() {
    }

    public static String text(HttpResponse<byte[]> download) {
        if (download.statusCode() != 200) {
            throw new AssertionError("export answered " + download.statusCode() + ": "
                    + new String(download.body(), StandardCharsets.UTF_8));
        }
        String type = download.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/zip")) {
            return String.join("\n", files(download.body()).values());
        }
        if (type.startsWith("application/vnd.openxmlformats")) {
            return cells(download.body());
        }
        return new String(download.body(), StandardCharsets.UTF_8);
    }

    public static Map<String, String> files(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String cells(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                text.append("== ").append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell).append('\t');
                    }
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
