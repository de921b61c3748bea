package org.clusterlens.studies.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        List<Csv.Record> records = Csv.parse("a,b,c\n\"Ndiaye, fils\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z\n");
        assertEquals(3, records.size());
        assertEquals(List.of("Ndiaye, fils", "say \"hi\"", "two\nlines"), records.get(1).values());
        assertEquals(2, records.get(1).line());
        assertEquals(4, records.get(2).line(), "the record after a two-line field starts on line 4");
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkAreNotPartOfTheValues() {
        List<Csv.Record> records = Csv.parse("\uFEFFexternal_id,name\r\nF1,Atelier\r\n");
        assertEquals(List.of("external_id", "name"), records.get(0).values());
        assertEquals(List.of("F1", "Atelier"), records.get(1).values());
    }

    @Test
    void emptyFieldsAndALastLineWithoutLineEndAreRead() {
        List<Csv.Record> records = Csv.parse("a,,c\n,,\nlast,\"\",");
        assertEquals(List.of("a", "", "c"), records.get(0).values());
        assertEquals(List.of("", "", ""), records.get(1).values());
        assertEquals(List.of("last", "", ""), records.get(2).values());
    }

    @Test
    void crlfInsideQuotesIsKept() {
        assertEquals(List.of("one\r\ntwo", "x"), Csv.parse("\"one\r\ntwo\",x\r\n").getFirst().values());
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineItOpensOn() {
        Csv.SyntaxException e = assertThrows(Csv.SyntaxException.class, () -> Csv.parse("a,b\nc,\"open\nd,e\n"));
        assertEquals(2, e.line());
    }

    @Test
    void writtenRowsReadBackTheSame() {
        List<String> values = List.of("plain", "with, comma", "with \"quotes\"", "multi\nline", "", "عربي 🍞");
        assertEquals(values, Csv.parse(Csv.row(values)).getFirst().values());
        assertEquals("a,b\r\n", Csv.row(List.of("a", "b")));
    }
}
