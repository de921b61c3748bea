package org.clusterlens.forms.expression;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {

    @Test
    void integralNumbersPrintWithoutDecimalPoint() {
        assertEquals("3", Values.toText(3.0));
        assertEquals("-12", Values.toText(-12.0));
        assertEquals("0", Values.toText(-0.0));
        assertEquals("2.5", Values.toText(2.5));
        assertEquals("0.30000000000000004", Values.toText(0.1 + 0.2));
    }

    @Test
    void numbersNeverPrintInExponentNotation() {
        assertEquals("10000000", Values.toText(1e7));
        assertEquals("1000000000000000000000", Values.toText(1e21));
        assertEquals("0.0001", Values.toText(1e-4));
    }

    @Test
    void specialNumbersPrintAsXPathNames() {
        assertEquals("NaN", Values.toText(Double.NaN));
        assertEquals("Infinity", Values.toText(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Values.toText(Double.NEGATIVE_INFINITY));
    }

    @Test
    void otherValuesPrintAsTheirText() {
        assertEquals("true", Values.toText(true));
        assertEquals("", Values.toText(null));
        assertEquals("a b", Values.toText(List.of("a", "b")));
        assertEquals("2024-02-29", Values.toText(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void numberConversionAcceptsOnlyPlainDecimals() {
        assertEquals(12.0, Values.toNumber("12"));
        assertEquals(-0.5, Values.toNumber(" -.5 "));
        assertEquals(3.0, Values.toNumber("3."));
        assertTrue(Double.isNaN(Values.toNumber("")));
        assertTrue(Double.isNaN(Values.toNumber("+3")));
        assertTrue(Double.isNaN(Values.toNumber("1e3")));
        assertTrue(Double.isNaN(Values.toNumber("0x10")));
        assertTrue(Double.isNaN(Values.toNumber("Infinity")));
        assertEquals(1.0, Values.toNumber(true));
        assertEquals(0.0, Values.toNumber(false));
        assertEquals(7.0, Values.toNumber(7));
    }

    @Test
    void booleanConversionFollowsXPath() {
        assertFalse(Values.toBoolean(""));
        assertFalse(Values.toBoolean(null));
        assertFalse(Values.toBoolean(0.0));
        assertFalse(Values.toBoolean(Double.NaN));
        assertFalse(Values.toBoolean(List.of()));
        assertTrue(Values.toBoolean("false"));
        assertTrue(Values.toBoolean("0"));
        assertTrue(Values.toBoolean(-1.0));
        assertTrue(Values.toBoolean(List.of("a")));
    }
}
