package org.clusterlens.forms.expression;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionParserTest {

    private static String tree(String source) {
        return ExpressionParser.parse(source).toString();
    }

    private static ExpressionSyntaxException error(String source) {
        return assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse(source));
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals("(+ 1 (* 2 3))", tree("1 + 2 * 3"));
        assertEquals("(- (div 6 2) (mod 5 3))", tree("6 div 2 - 5 mod 3"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("(or ${a} (and ${b} ${c}))", tree("${a} or ${b} and ${c}"));
    }

    @Test
    void comparisonsBindTighterThanLogicAndLooserThanArithmetic() {
        assertEquals("(and (> ${a} (+ 1 2)) (= ${b} 'x'))", tree("${a} > 1 + 2 and ${b} = 'x'"));
        assertEquals("(= (< 1 2) (>= 3 4))", tree("1 < 2 = 3 >= 4"));
        assertEquals("(!= (<= 1 2) (> 3 4))", tree("1 <= 2 != 3 > 4"));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertEquals("(* (- 2) 3)", tree("-2 * 3"));
        assertEquals("(- 1 (- (- 2)))", tree("1 - --2"));
    }

    @Test
    void binaryOperatorsAssociateToTheLeft() {
        assertEquals("(- (- 10 4) 3)", tree("10 - 4 - 3"));
        assertEquals("(div (div 8 4) 2)", tree("8 div 4 div 2"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals("(* (+ 1 2) 3)", tree("(1 + 2) * 3"));
    }

    @Test
    void literalsReferencesAndCurrentValueAreRecognised() {
        assertEquals("(concat 'it'' 's' 'say \"hi\"' 12 3.5 0.5 ${q_1} .)",
                tree("concat(\"it'\", 's', 'say \"hi\"', 12, 3.5, .5, ${q_1}, .)"));
    }

    @Test
    void hyphenatedFunctionNamesAreSingleNames() {
        assertEquals("(> (count-selected ${q}) (string-length 'abc'))", tree("count-selected(${q}) > string-length('abc')"));
        assertEquals("(today)", tree("today()"));
    }

    @Test
    void expressionReportsItsReferencesCurrentValueAndCalls() {
        Expression expression = ExpressionParser.parse("if(selected(${a}, 'x'), ${b} + ., ${a})");
        assertEquals(Set.of("a", "b"), expression.references());
        assertTrue(expression.usesCurrentValue());
        assertEquals(List.of("if", "selected"), expression.functionCalls().stream().map(FunctionCall::name).toList());
        assertEquals(List.of(12, 34), expression.referenceNodes().stream()
                .filter(reference -> reference.name().equals("a")).map(Reference::position).toList());
        assertFalse(ExpressionParser.parse("${a} = 1").usesCurrentValue());
    }

    @Test
    void missingClosingParenthesisIsReportedWhereItWasExpected() {
        ExpressionSyntaxException e = error("if(${a} > 1, 2, 3");
        assertEquals(17, e.position());
        assertEquals("expected ')' at position 17", e.getMessage());
    }

    @Test
    void unexpectedTokenIsReportedAtItsPosition() {
        assertEquals(6, error("1 + 2 3").position());
        assertEquals(4, error("1 + * 2").position());
        assertEquals(0, error(")").position());
    }

    @Test
    void emptyAndTruncatedExpressionsAreErrors() {
        assertEquals(0, error("").position());
        assertEquals(6, error("${a} =").position());
        assertEquals("unexpected end of expression at position 6", error("${a} =").getMessage());
    }

    @Test
    void unterminatedStringIsReportedAtItsOpeningQuote() {
        ExpressionSyntaxException e = error("${a} = 'yes");
        assertEquals(7, e.position());
        assertEquals("unterminated string", e.reason());
    }

    @Test
    void malformedReferencesAreErrors() {
        assertEquals(6, error("1 + ${2x}").position());
        assertEquals(1, error("$a").position());
        assertEquals(3, error("${a").position());
    }

    @Test
    void bareNamesAreErrorsThatSuggestReferenceSyntax() {
        ExpressionSyntaxException e = error("age > 18");
        assertEquals(0, e.position());
        assertTrue(e.getMessage().contains("${age}"), e.getMessage());
    }

    @Test
    void unknownFunctionIsReportedAtItsName() {
        ExpressionSyntaxException e = error("1 + lenght('x')");
        assertEquals(4, e.position());
        assertEquals("unknown function 'lenght' at position 4", e.getMessage());
    }

    @Test
    void wrongArgumentCountIsReportedAtTheFunctionName() {
        assertEquals("if() takes 3 arguments, not 2 at position 2", error("1+if(1, 2)").getMessage());
        assertEquals(0, error("today(1)").position());
        assertEquals(0, error("join()").position());
        assertEquals(0, error("round(1, 2, 3)").position());
        assertEquals(0, error("selected(${a})").position());
    }

    @Test
    void everyBuiltInFunctionAcceptsItsDocumentedArity() {
        for (String source : List.of("selected(${a}, 'x')", "count-selected(${a})", "not(1)", "if(1, 2, 3)",
                "string-length('x')", "regex('x', 'x')", "count(${r})", "sum(${q})", "concat('a')",
                "concat('a', 'b', 'c', 'd')", "number('1')", "int(1.5)", "round(1.5)", "round(1.55, 1)",
                "coalesce(${a}, 'x')", "today()")) {
            ExpressionParser.parse(source);
        }
    }

    @Test
    void countAndSumTakeAReference() {
        assertEquals(0, error("count(1)").position());
        assertTrue(error("sum('x')").getMessage().contains("${name}"));
    }

    @Test
    void bangWithoutEqualsIsAnError() {
        assertEquals(5, error("${a} ! 1").position());
    }

    @Test
    void unexpectedCharacterIsReported() {
        ExpressionSyntaxException e = error("${a} & 1");
        assertEquals(5, e.position());
        assertEquals("unexpected character '&'", e.reason());
    }
}
