package org.clusterlens.themes.control.codebook;

import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.themes.entity.Theme;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodebookFileTest {

    private static Theme theme(long id, String name, String description, String query, Theme parent) throws Exception {
        Theme theme = new Theme(1, name, description, query, Theme.Origin.hand, "agent@example.org");
        Field field = Theme.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(theme, id);
        if (parent != null) {
            theme.placeUnder(parent, false, "agent@example.org");
        }
        return theme;
    }

    private static List<Theme> codebook() throws Exception {
        Theme costs = theme(1, "Costs", "What firms pay", "price OR cost", null);
        Theme energy = theme(2, "=Energy", "Power, \"cuts\"\nand bills", "power OR electricity", costs);
        return List.of(energy, costs);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvQuotesEveryCellNeutralisesFormulasAndReadsBackAsWritten() throws Exception {
        String csv = CodebookFile.csv(codebook());
        assertTrue(csv.startsWith("\"name\",\"parent\",\"description\",\"query\",\"origin\"\r\n"), csv);
        assertTrue(csv.contains("\"'=Energy\",\"Costs\""), csv);
        assertTrue(csv.indexOf("\"Costs\",\"\"") < csv.indexOf("'=Energy"), "parents first: " + csv);
        var read = CodebookFile.readCsv(bytes(csv));
        assertEquals(List.of(), read.errors());
        assertEquals(List.of(new CodebookFile.Row(2, "Costs", null, "What firms pay", "price OR cost", Theme.Origin.hand),
                new CodebookFile.Row(3, "=Energy", "Costs", "Power, \"cuts\"\nand bills", "power OR electricity",
                        Theme.Origin.hand)), read.rows());
    }

    @Test
    void badCsvLinesAreReportedByLineAndColumn() {
        var header = CodebookFile.readCsv(bytes("name,colour\r\nEnergy,red\r\n"));
        assertEquals(List.of("line 1, column 2"), header.errors().stream().map(FieldError::field).toList());
        var rows = CodebookFile.readCsv(bytes("name,origin\r\nEnergy,robot\r\nFlour\r\n"));
        assertEquals(List.of("line 2, column origin", "line 3"), rows.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("line 1"), CodebookFile.readCsv(new byte[0]).errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aQdcCodebookNestsChildrenUnderTheirParentWithStableGuids() throws Exception {
        String qdc = CodebookFile.qdc(7, codebook());
        assertTrue(qdc.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""), qdc);
        assertTrue(qdc.matches("(?s).*<Code guid=\"[0-9a-f-]{36}\" name=\"Costs\" isCodable=\"true\"><Description>What firms pay"
                + "</Description><Code guid=\"[0-9a-f-]{36}\" name=\"=Energy\" isCodable=\"true\">.*"), qdc);
        assertEquals(qdc, CodebookFile.qdc(7, codebook()));
        var read = CodebookFile.readQdc(bytes(qdc));
        assertEquals(List.of(), read.errors());
        assertEquals(List.of(new CodebookFile.Row(1, "Costs", null, "What firms pay", null, Theme.Origin.hand),
                new CodebookFile.Row(1, "=Energy", "Costs", "Power, \"cuts\"\nand bills", null, Theme.Origin.hand)), read.rows());
    }

    @Test
    void aQdcCodebookWithAThirdLevelOrAnEntityIsRefusedByLine() {
        var deep = CodebookFile.readQdc(bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
                <Code guid="a" name="A" isCodable="true">
                  <Code guid="b" name="B" isCodable="true">
                    <Code guid="c" name="C" isCodable="true"/>
                  </Code>
                </Code></Codes></CodeBook>"""));
        assertEquals(List.of("line 5, Code"), deep.errors().stream().map(FieldError::field).toList());

        var entity = CodebookFile.readQdc(bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE CodeBook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="&secret;" isCodable="true"/></Codes></CodeBook>"""));
        assertFalse(entity.errors().isEmpty(), entity.toString());
        assertTrue(entity.rows().stream().noneMatch(r -> r.name() != null && r.name().contains("root")), entity.toString());

        var foreign = CodebookFile.readQdc(bytes("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>"));
        assertEquals(List.of("line 1"), foreign.errors().stream().map(FieldError::field).toList());
    }
}
