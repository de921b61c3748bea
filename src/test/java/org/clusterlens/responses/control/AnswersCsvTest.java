package org.clusterlens.responses.control;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswersCsvTest {

    @Test
    void cellsThatStartLikeAFormulaBecomeText() {
        assertEquals("'=HYPERLINK(\"x\")", AnswersCsv.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AnswersCsv.safe("+1"));
        assertEquals("'-1+2", AnswersCsv.safe("-1+2"));
        assertEquals("'@SUM(A1)", AnswersCsv.safe("@SUM(A1)"));
        assertEquals("'\tx", AnswersCsv.safe("\tx"));
        assertEquals("'\rx", AnswersCsv.safe("\rx"));
        assertEquals("a=b", AnswersCsv.safe("a=b"));
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        assertEquals("-3.5", AnswersCsv.cell(Json.createValue(-3.5)));
    }

    @Test
    void multipleChoicesAreJoinedWithSpacesAndStructuresAreJson() {
        assertEquals("bakery textiles", AnswersCsv.cell(Json.createArrayBuilder().add("bakery").add("textiles").build()));
        assertEquals("[{\"topic\":\"=x\"}]",
                AnswersCsv.cell(Json.createArrayBuilder().add(Json.createObjectBuilder().add("topic", "=x")).build()));
        assertEquals("", AnswersCsv.cell(null));
        assertEquals("مرحبا 🍞", AnswersCsv.cell(Json.createValue("مرحبا 🍞")));
    }
}
