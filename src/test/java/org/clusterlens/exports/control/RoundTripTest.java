package org.clusterlens.exports.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer of every response, at every depth, comes back from the files: the ZIP's CSVs read
 * with a CSV parser and the workbook read with POI. The check walks the answers themselves, not a
 * list of expected cells, so a question the export forgot fails it.
 */
class RoundTripTest {

    @Test
    void theZipsCsvFilesGiveBackEveryAnswer() throws IOException {
        Map<String, String> files = ExportFilesTest.unzip(export(ExportOptions.Format.ZIP));
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith(".csv") && !file.getKey().equals("dictionary.csv")) {
                tables.put(file.getKey().replace(".csv", ""), ExportFilesTest.csv(file.getValue()));
            }
        }
        assertEquals(answers(), check(tables, true), "every answer checked");
    }

    @Test
    void theWorkbookGivesBackEveryAnswer() throws IOException {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(ExportOptions.Format.XLSX)))) {
            for (Sheet sheet : workbook) {
                if (!sheet.getSheetName().equals("dictionary")) {
                    tables.put(sheet.getSheetName(), rows(sheet));
                }
            }
        }
        assertEquals(answers(), check(tables, false), "every answer checked");
    }

    /** How many answers the fixture holds: every key at every depth, and every actor picked. */
    private static int answers() {
        return ExportFixture.RESPONSES.stream().mapToInt(r -> answers(r.answers())).sum();
    }

    private static int answers(JsonObject entry) {
        int count = 0;
        for (JsonValue value : entry.values()) {
            count++;
            if (value instanceof JsonArray entries) {
                for (JsonValue e : entries) {
                    if (e instanceof JsonObject o) {
                        count += o.containsKey("actor") ? 1 : answers(o);
                    }
                }
            }
        }
        return count;
    }

    private static byte[] export(ExportOptions.Format format) throws IOException {
        return ExportFixture.export(ExportFixture.options(format), true);
    }

    private static int check(Map<String, List<Map<String, String>>> tables, boolean csv) {
        int checked = 0;
        for (ExportedResponse response : ExportFixture.RESPONSES) {
            checked += entry(tables, "answers", response.answers(), List.of(), String.valueOf(response.id()), csv);
        }
        return checked;
    }

    /** Checks one entry's answers against its row, then its repeats' and linkage picks' rows. */
    private static int entry(Map<String, List<Map<String, String>>> tables, String table, JsonObject answers,
                             List<String[]> keys, String responseId, boolean csv) {
        Map<String, String> row = find(tables.get(table), responseId, keys);
        int checked = 0;
        for (Map.Entry<String, JsonValue> answer : answers.entrySet()) {
            String name = answer.getKey();
            JsonValue value = answer.getValue();
            String where = table + " " + responseId + " " + name;
            if (name.endsWith("_other")) {
                same(value, row.get(name + "_text"), csv, where);
            } else if (value instanceof JsonArray entries && !entries.isEmpty() && entries.getFirst() instanceof JsonObject) {
                assertEquals(String.valueOf(entries.size()), row.get(name), where + " counts its entries");
                for (int i = 0; i < entries.size(); i++) {
                    List<String[]> inner = new ArrayList<>(keys);
                    inner.add(new String[]{name + "_index", String.valueOf(i + 1)});
                    JsonObject e = entries.getJsonObject(i);
                    if (e.containsKey("actor")) {
                        Map<String, String> pick = find(tables.get(name), responseId, inner);
                        assertEquals(e.getJsonNumber("actor").toString(), pick.get("actor_id"), where);
                        for (JsonString relation : e.getJsonArray("relations").getValuesAs(JsonString.class)) {
                            assertEquals("1", pick.get("relation_" + relation.getString()), where);
                        }
                        checked++;
                    } else {
                        checked += entry(tables, name, e, inner, responseId, csv);
                    }
                }
            } else if (value instanceof JsonArray picked) {
                for (int i = 0; i < picked.size(); i++) {
                    String cell = row.get(name + "_" + picked.getString(i));
                    assertTrue(cell.equals("1") || cell.equals(String.valueOf(i + 1)), where + " " + picked + ": " + cell);
                }
            } else if (value instanceof JsonObject parts) {
                parts.forEach((part, v) -> same(v, row.get(name + "_" + part), csv, where + "." + part));
            } else {
                same(value, row.get(name), csv, where);
            }
            checked++;
        }
        return checked;
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String responseId, List<String[]> keys) {
        assertNotNull(rows, "a table for " + keys);
        return rows.stream().filter(r -> number(r.get("response_id")).equals(responseId)
                        && keys.stream().allMatch(k -> number(r.get(k[0])).equals(k[1])))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + responseId + " " + keys));
    }

    /** The answer as the file should hold it: CSV neutralises formula-like text, XLSX keeps it as typed. */
    private static void same(JsonValue value, String cell, boolean csv, String where) {
        assertNotNull(cell, where + " has no column");
        switch (value) {
            case JsonString s -> assertEquals(csv ? CsvTable.safe(s.getString()) : s.getString(), cell, where);
            case JsonNumber n -> assertEquals(n.bigDecimalValue().stripTrailingZeros().toPlainString(), number(cell), where);
            default -> throw new AssertionError(where + ": an answer the check does not know: " + value);
        }
    }

    private static String number(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException | NullPointerException notANumber) {
            return text;
        }
    }

    private static List<Map<String, String>> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        Row header = sheet.getRow(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (Cell name : header) {
                Cell cell = row.getCell(name.getColumnIndex());
                String text = "";
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    text = DateUtil.isCellDateFormatted(cell) ? formatter.formatCellValue(cell)
                            : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                } else if (cell != null) {
                    text = cell.getStringCellValue();
                }
                cells.put(name.getStringCellValue(), text);
            }
            rows.add(cells);
        }
        return rows;
    }
}
