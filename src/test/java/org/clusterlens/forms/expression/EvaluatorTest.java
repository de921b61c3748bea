package org.clusterlens.forms.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    private static Object eval(String source) {
        return Answers.none().eval(source);
    }

    private static boolean holds(Answers answers, String source) {
        return Values.toBoolean(answers.eval(source));
    }

    private static void assertNaN(Object value) {
        assertTrue(value instanceof Double d && d.isNaN(), "expected NaN but was " + value);
    }

    @Test
    void unansweredQuestionIsTheEmptyString() {
        assertEquals("", eval("${age}"));
        assertTrue(holds(Answers.none(), "${age} = ''"));
        assertFalse(holds(Answers.none().with("age", 4), "${age} = ''"));
    }

    @Test
    void numericComparisonWithAnEmptyAnswerIsFalseBothWays() {
        Answers empty = Answers.none();
        assertFalse(holds(empty, "${age} > 18"));
        assertFalse(holds(empty, "${age} <= 18"));
        assertFalse(holds(empty, "${age} = 0"));
        assertTrue(holds(empty, "${age} != 0"));
    }

    @Test
    void stringAnswersAreConvertedToNumbersWhenComparedWithNumbers() {
        Answers answers = Answers.none().with("age", "25").with("padded", " 7 ");
        assertTrue(holds(answers, "${age} > 18"));
        assertTrue(holds(answers, "${age} = 25"));
        assertTrue(holds(answers, "${age} = 25.0"));
        assertTrue(holds(answers, "${padded} = 7"));
        assertFalse(holds(answers, "${age} = '25.0'"));
        assertFalse(holds(Answers.none().with("age", "twenty"), "${age} > 18"));
    }

    @Test
    void numericAnswersOfAnyJavaTypeCompareAsNumbers() {
        assertTrue(holds(Answers.none().with("n", 3), "${n} = 3"));
        assertTrue(holds(Answers.none().with("n", 3L), "${n} * 2 = 6"));
        assertTrue(holds(Answers.none().with("n", new BigDecimal("2.5")), "${n} = 2.5"));
    }

    @Test
    void relationalOperatorsCompareAsNumbers() {
        assertEquals(true, eval("2 < 10"));
        assertEquals(true, eval("'2' < '10'"));
        assertEquals(true, eval("2 <= 2"));
        assertEquals(false, eval("2 > 2"));
        assertEquals(true, eval("2 >= 2"));
        assertEquals(false, eval("'a' < 'b'"));
    }

    @Test
    void isoDatesCompareAsDates() {
        Answers answers = Answers.none().with("founded", LocalDate.of(1999, 12, 31));
        assertTrue(holds(answers, "${founded} < '2000-01-01'"));
        assertTrue(holds(answers, "${founded} <= today()"));
        assertFalse(holds(answers, "${founded} > today()"));
        assertFalse(holds(Answers.none(), "${founded} <= today()"));
    }

    @Test
    void equalityWithABooleanComparesTruthValues() {
        assertEquals(true, eval("(1 = 1) = 'yes'"));
        assertEquals(true, eval("(1 = 2) = ''"));
        assertEquals(true, eval("(1 = 1) != 0"));
    }

    @Test
    void stringsCompareExactly() {
        assertEquals(true, eval("'yes' = \"yes\""));
        assertEquals(false, eval("'Yes' = 'yes'"));
        assertEquals(true, eval("'a' != 'b'"));
    }

    @Test
    void arithmeticFollowsIeeeAsXPathDoes() {
        assertEquals(7.0, eval("1 + 2 * 3"));
        assertEquals(-1.0, eval("2 - 3"));
        assertEquals(2.5, eval("5 div 2"));
        assertEquals(1.0, eval("7 mod 3"));
        assertEquals(-1.0, eval("-7 mod 3"));
        assertEquals(1.5, eval("5.5 mod 2"));
        assertEquals(-6.0, eval("-2 * 3"));
        assertEquals(Double.POSITIVE_INFINITY, eval("1 div 0"));
        assertEquals(Double.NEGATIVE_INFINITY, eval("-1 div 0"));
        assertNaN(eval("0 div 0"));
        assertNaN(eval("5 mod 0"));
    }

    @Test
    void arithmeticOnAnEmptyAnswerIsNaN() {
        assertNaN(eval("${a} + 1"));
        assertNaN(eval("-${a}"));
        assertNaN(eval("'abc' * 2"));
        assertEquals(4.0, Answers.none().with("a", "3").eval("${a} + 1"));
    }

    @Test
    void andOrConvertToBooleanAndShortCircuit() {
        assertEquals(false, eval("'' and 1"));
        assertEquals(true, eval("'x' and 1"));
        assertEquals(false, eval("0 or ''"));
        assertEquals(true, eval("0 or 'false'"));
        assertEquals(false, eval("0 div 0 or 0"));
        Answers answers = Answers.none().with("b", List.of());
        assertEquals(false, answers.eval("${b} or ${missing}"));
    }

    @Test
    void notNegatesTheBooleanValue() {
        assertEquals(true, eval("not('')"));
        assertEquals(false, eval("not('no')"));
        assertEquals(true, eval("not(0)"));
    }

    @Test
    void ifEvaluatesTheChosenBranch() {
        assertEquals("big", Answers.none().with("n", 100).eval("if(${n} > 10, 'big', 'small')"));
        assertEquals("small", eval("if(${n} > 10, 'big', 'small')"));
        assertEquals(3.0, eval("if(1, 3, 1 div 0)"));
    }

    @Test
    void selectedFindsAValueInAListOrASpaceSeparatedString() {
        Answers answers = Answers.none().with("list", List.of("finance", "energy")).with("text", "finance  energy ")
                .with("one", "finance");
        assertTrue(holds(answers, "selected(${list}, 'energy')"));
        assertFalse(holds(answers, "selected(${list}, 'fin')"));
        assertTrue(holds(answers, "selected(${text}, 'energy')"));
        assertTrue(holds(answers, "selected(${one}, 'finance')"));
        assertFalse(holds(answers, "selected(${missing}, 'finance')"));
    }

    @Test
    void countSelectedCountsValues() {
        Answers answers = Answers.none().with("list", List.of("a", "b", "c")).with("text", " a b ");
        assertEquals(3.0, answers.eval("count-selected(${list})"));
        assertEquals(2.0, answers.eval("count-selected(${text})"));
        assertEquals(0.0, answers.eval("count-selected(${missing})"));
        assertEquals(1.0, answers.withCurrent(List.of("x")).eval("count-selected(.)"));
    }

    @Test
    void stringLengthCountsCodePointsNotUtf16Units() {
        assertEquals(0.0, eval("string-length(${missing})"));
        assertEquals(3.0, eval("string-length('abc')"));
        assertEquals(2.0, eval("string-length('🏭⚡')"));
        assertEquals(5.0, eval("string-length('مرحبا')"));
        assertEquals(1.0, eval("string-length(7)"));
    }

    @Test
    void regexMatchesTheWholeString() {
        assertEquals(true, eval("regex('12345', '[0-9]+')"));
        assertEquals(false, eval("regex('a12345', '[0-9]+')"));
        assertEquals(false, eval("regex('12345b', '[0-9]+')"));
        assertEquals(true, eval("regex('', '[0-9]*')"));
        assertEquals(true, eval("regex('café', '\\p{L}+')"));
    }

    @Test
    void invalidOrNonPortableRegexMatchesNothing() {
        assertEquals(false, eval("regex('a', '(')"));
        assertEquals(false, eval("regex('aaa', 'a++')"));
    }

    @Test
    void countIsTheNumberOfRepeatEntries() {
        assertEquals(3.0, Answers.none().withRepeat("branch", "", "", "").eval("count(${branch})"));
        assertEquals(0.0, eval("count(${branch})"));
    }

    @Test
    void sumAddsAnswersAcrossRepeatEntries() {
        assertEquals(12.5, Answers.none().withRepeat("staff", 4, "8", 0.5).eval("sum(${staff})"));
        assertEquals(0.0, eval("sum(${staff})"));
        assertEquals(4.0, Answers.none().withRepeat("staff", 4, "").eval("sum(${staff})"), "blank answers are skipped");
    }

    @Test
    void concatJoinsStringForms() {
        assertEquals("a-3-", Answers.none().with("n", 3).eval("concat('a', '-', ${n}, '-', ${missing})"));
        assertEquals("2.5 true", eval("concat(5 div 2, ' ', 1 = 1)"));
    }

    @Test
    void numberConvertsAndIntTruncatesTowardsZero() {
        assertEquals(12.0, eval("number('12')"));
        assertNaN(eval("number('')"));
        assertNaN(eval("number('1e3')"));
        assertEquals(1.0, eval("number(1 = 1)"));
        assertEquals(2.0, eval("int(2.9)"));
        assertEquals(-2.0, eval("int(-2.9)"));
        assertNaN(eval("int('')"));
    }

    @Test
    void roundRoundsHalfUpOptionallyToDigits() {
        assertEquals(3.0, eval("round(2.5)"));
        assertEquals(-2.0, eval("round(-2.5)"));
        assertEquals(2.0, eval("round(2.4999)"));
        assertEquals(3.14, eval("round(3.14159, 2)"));
        assertEquals(1200.0, eval("round(1234, -2)"));
        assertNaN(eval("round(${missing})"));
        assertEquals(2.0, eval("round(1.5, '')"), "digits that are not a number count as 0, as in Collect");
        assertEquals(1.01, eval("round(1.005, 2)"), "the decimal digits as written");
    }

    @Test
    void coalesceTakesTheFirstNonEmptyValue() {
        assertEquals("fallback", eval("coalesce(${missing}, 'fallback')"));
        assertEquals("given", Answers.none().with("a", "given").eval("coalesce(${a}, 'fallback')"));
        assertEquals("fallback", Answers.none().with("a", List.of()).eval("coalesce(${a}, 'fallback')"));
        assertEquals(0.0, eval("coalesce(0, 1)"));
    }

    @Test
    void todayIsTheContextDateAsIsoText() {
        assertEquals("2025-03-14", eval("today()"));
    }

    @Test
    void currentValueIsTheConstrainedAnswer() {
        Answers answers = Answers.none().withCurrent("42");
        assertTrue(holds(answers, ". >= 0 and . < 100"));
        assertFalse(holds(Answers.none(), ". >= 0"));
    }

    @Test
    void multipleChoiceAnswerComparesAsItsSpaceSeparatedValues() {
        Answers answers = Answers.none().with("m", List.of("a", "b"));
        assertTrue(holds(answers, "${m} = 'a b'"));
        assertEquals("a b!", answers.eval("concat(${m}, '!')"));
    }
}
