package org.clusterlens.exports.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.clusterlens.exports.control.ExportFixture.*;
import static org.junit.jupiter.api.Assertions.*;

class ExportFilesTest {

    @Test
    void csvGivesBackEveryAnswerWithFormulasNeutralisedAndTextQuoted() throws IOException {
        byte[] bytes = export(options(ExportOptions.Format.CSV), true);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark, for Excel");
        List<Map<String, String>> rows = csv(text);
        assertEquals(3, rows.size());
        Map<String, String> first = rows.getFirst();
        assertEquals("'" + FORMULA, first.get("nickname"));
        assertEquals(STORY, first.get("story"));
        assertEquals("'" + AT_FORMULA, first.get("colour_other_text"));
        assertEquals("12", first.get("staff"));
        assertEquals("37.5", first.get("share"));
        assertEquals("2012-02-29", first.get("opened"));
        assertEquals("Boulangerie Ndiaye", first.get("firm_name"));
        assertEquals("Actor 101", first.get("actor_name"));
        assertEquals("1", first.get("colours_red"));
        assertEquals("0", first.get("colours_green"));
        assertEquals("1", first.get("colours_blue"));
        assertEquals("", first.get("colours_yellow"), "a choice only version 2 offers stays empty, not 0, in version 1");
        assertEquals("2", first.get("ranking_red"));
        assertEquals("1", first.get("ranking_blue"));
        assertEquals("", first.get("ranking_green"));
        assertEquals("high", first.get("ratings_quality"));
        assertEquals("-17.4441", first.get("location_lon"));
        assertEquals("2", first.get("sites"), "the parent counts a repeat's entries");
        assertEquals("2", first.get("links"));
        assertEquals("12.25", first.get("margin"));
        assertEquals("", first.get("certified"), "a question version 1 did not ask is empty");

        Map<String, String> second = rows.get(1);
        assertEquals(ARABIC, second.get("nickname"));
        assertEquals(BIDI, second.get("story"));
        assertEquals("yes", second.get("certified"));
        assertEquals("1", second.get("colours_yellow"));
        assertEquals("", second.get("margin"), "version 2 dropped the question");
        assertEquals("2", second.get("template_version"));

        for (String line : text.split("\r\n")) {
            assertFalse(line.startsWith("=") || line.contains(",=") || line.contains(";="),
                    "no cell starts a formula bare: " + line);
        }
        assertTrue(text.contains(",\"'=1+1\","), "the formula-like text is quoted and neutralised");
        assertTrue(text.contains(",12,"), "numbers stay bare");
    }

    @Test
    void zipHasEveryTableKeyedToItsParentAndLabelsForStatisticsPackages() throws IOException {
        Map<String, String> files = unzip(export(options(ExportOptions.Format.ZIP), true));
        assertEquals(List.of("answers.csv", "links.csv", "sites.csv", "machines.csv", "dictionary.csv",
                "answers.sps", "answers.do", "links.sps", "links.do", "sites.sps", "sites.do", "machines.sps",
                "machines.do"), new ArrayList<>(files.keySet()));

        List<Map<String, String>> sites = csv(files.get("sites.csv"));
        assertEquals(3, sites.size());
        assertEquals(List.of("101", "1", SEMICOLONS, "4", "2"), List.copyOf(sites.getFirst().values()));
        assertTrue(files.get("sites.csv").contains("\r\n101,1,\"" + SEMICOLONS + "\",4,2\r\n"),
                "a text with a French separator in it is quoted, so that no spreadsheet splits it");
        List<Map<String, String>> machines = csv(files.get("machines.csv"));
        assertEquals(List.of("response_id", "sites_index", "machines_index", "machine", "machine_state"),
                List.copyOf(machines.getFirst().keySet()));
        assertEquals(List.of("101", "1", "2", "'" + MACHINE_MINUS, "low"), List.copyOf(machines.get(1).values()));
        assertEquals(List.of("102", "1", "1", "فرن", "high"), List.copyOf(machines.get(2).values()));
        List<Map<String, String>> links = csv(files.get("links.csv"));
        assertEquals("P-12", links.getFirst().get("actor_pseudonym"));
        assertEquals("Atelier Sow", links.getFirst().get("actor_name"));
        assertEquals("1", links.getFirst().get("relation_buys_from"));
        assertEquals("0", links.get(1).get("relation_buys_from"));

        List<Map<String, String>> dictionary = csv(files.get("dictionary.csv"));
        Map<String, String> staff = dictionary.stream().filter(r -> r.get("column").equals("staff")).findFirst().orElseThrow();
        assertEquals("Staff (all sites)", staff.get("label_en"), "the latest version's wording");
        assertEquals("الموظفون", staff.get("label_ar"));
        assertEquals("export-fixture v1, export-fixture v2", staff.get("versions"));
        Map<String, String> margin = dictionary.stream().filter(r -> r.get("column").equals("margin")).findFirst().orElseThrow();
        assertEquals("export-fixture v1", margin.get("versions"));
        Map<String, String> colour = dictionary.stream().filter(r -> r.get("column").equals("colour")).findFirst().orElseThrow();
        assertTrue(colour.get("choices_fr").contains("green = Vert"), colour.get("choices_fr"));

        for (String table : List.of("answers", "sites", "machines", "links")) {
            List<String> columns = csv(files.get(table + ".csv")).getFirst().keySet().stream().toList();
            String sps = files.get(table + ".sps");
            String stata = files.get(table + ".do");
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                assertTrue(sps.contains("\n    " + name + " "), table + ".sps reads " + name);
                assertTrue(sps.contains("\n  " + name + " '"), table + ".sps labels " + name);
                assertTrue(stata.contains("rename v" + (i + 1) + " " + name + "\n"), table + ".do names " + name);
                assertTrue(stata.contains("label variable " + name + " "), table + ".do labels " + name);
            }
        }
        String sps = files.get("answers.sps");
        String stata = files.get("answers.do");
        for (String value : List.of("red", "green", "blue", "yellow", "other")) {
            assertTrue(sps.contains("'" + value + "'"), "SPSS labels colour " + value);
            assertTrue(stata.contains("if colour == `\"" + value + "\"'"), "Stata codes colour " + value);
        }
        assertTrue(sps.contains("'Green'") && sps.contains("VALUE LABELS"));
        assertTrue(stata.contains("label define colour 2 `\"Green\"', modify"));
        assertTrue(stata.contains("label values colour colour"));
    }

    @Test
    void xlsxHasTypedCellsEverySheetAndTextThatIsNeverAFormula() throws IOException {
        byte[] bytes = export(options(ExportOptions.Format.XLSX), true);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(List.of("answers", "links", "sites", "machines", "dictionary"),
                    List.of(0, 1, 2, 3, 4).stream().map(workbook::getSheetName).toList());
            Sheet answers = workbook.getSheet("answers");
            assertEquals(4, answers.getPhysicalNumberOfRows());
            Map<String, Cell> first = row(answers, 1);
            assertEquals(CellType.STRING, first.get("nickname").getCellType());
            assertEquals(FORMULA, first.get("nickname").getStringCellValue(), "text stays exactly as typed");
            assertEquals(STORY, first.get("story").getStringCellValue());
            assertEquals(CellType.NUMERIC, first.get("staff").getCellType());
            assertEquals(12.0, first.get("staff").getNumericCellValue());
            assertEquals(37.5, first.get("share").getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(first.get("opened")));
            assertEquals(LocalDate.of(2012, 2, 29), first.get("opened").getLocalDateTimeCellValue().toLocalDate());
            assertTrue(DateUtil.isCellDateFormatted(first.get("submitted_at")));
            assertEquals(1.0, first.get("colours_red").getNumericCellValue());
            assertNull(first.get("certified"));
            Map<String, Cell> second = row(answers, 2);
            assertEquals(ARABIC, second.get("nickname").getStringCellValue());
            assertEquals(BIDI, second.get("story").getStringCellValue());

            Sheet machines = workbook.getSheet("machines");
            assertEquals(4, machines.getPhysicalNumberOfRows());
            Map<String, Cell> machine = row(machines, 1);
            assertEquals("Four 🔥", machine.get("machine").getStringCellValue());
            assertEquals(1.0, machine.get("sites_index").getNumericCellValue());
            assertEquals(MACHINE_MINUS, row(machines, 2).get("machine").getStringCellValue());
            assertEquals(SEMICOLONS, row(workbook.getSheet("sites"), 1).get("site_name").getStringCellValue());
            assertTrue(workbook.getSheet("dictionary").getPhysicalNumberOfRows() > 40);
            for (Sheet sheet : workbook) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        assertNotEquals(CellType.FORMULA, c.getCellType(), sheet.getSheetName() + " " + c.getAddress());
                    }
                }
            }
        }
    }

    @Test
    void labelsInTheChosenLanguageAndMultipleChoiceJoined() throws IOException {
        ExportOptions options = new ExportOptions(ExportOptions.Format.CSV, true, "fr", false);
        List<Map<String, String>> rows = csv(new String(export(options, true), StandardCharsets.UTF_8));
        Map<String, String> first = rows.getFirst();
        assertEquals("Autre", first.get("colour"));
        assertEquals("D’accord", first.get("agreement"));
        assertEquals("Rouge; Bleu", first.get("colours"));
        assertEquals("Bleu; Rouge", first.get("ranking"), "rank order kept");
        assertEquals("Élevé", first.get("ratings_quality"));
        assertEquals("Jaune; Vert", rows.get(1).get("colours"));
        assertFalse(first.containsKey("colours_red"));
    }

    @Test
    void aViewerWhoMayNotSeeIdentitiesGetsNoIdentityColumns() throws IOException {
        Map<String, String> files = unzip(export(options(ExportOptions.Format.ZIP), false));
        Map<String, String> first = csv(files.get("answers.csv")).getFirst();
        assertFalse(first.containsKey("actor_name"));
        assertFalse(first.containsKey("actor_external_id"));
        assertFalse(first.containsKey("firm_name"));
        assertFalse(first.containsKey("location_accuracy"));
        assertEquals("P-101", first.get("actor_pseudonym"));
        assertFalse(csv(files.get("links.csv")).getFirst().containsKey("actor_name"));
        for (String file : files.values()) {
            assertFalse(file.contains("Boulangerie") || file.contains("EXT-101") || file.contains("Actor 101")
                    || file.contains("Atelier Sow") || file.contains("firm_name"), "no identity anywhere");
        }
    }

    @Test
    void anUnknownLabelLanguageIsRefusedNamingTheParameter() {
        var problem = assertThrows(org.clusterlens.platform.errors.ProblemException.class,
                () -> layout(new ExportOptions(ExportOptions.Format.CSV, true, "de", true), true));
        assertTrue(problem.getMessage().contains("en, fr, ar"), problem.getMessage());
    }

    static List<Map<String, String>> csv(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(body)).getRecords();
        List<String> header = records.getFirst().toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            assertEquals(header.size(), record.size(), "every row has every column");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, Cell> row(Sheet sheet, int index) {
        Row header = sheet.getRow(0);
        Row row = sheet.getRow(index);
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Cell name : header) {
            Cell cell = row.getCell(name.getColumnIndex());
            if (cell != null) {
                cells.put(name.getStringCellValue(), cell);
            }
        }
        return cells;
    }
}
