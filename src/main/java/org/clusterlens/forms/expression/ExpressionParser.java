package org.clusterlens.forms.expression;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses XLSForm expressions. Precedence, loosest first, as in XPath: {@code or}, {@code and},
 * {@code = !=}, {@code < <= > >=}, {@code + -}, {@code * div mod}, unary {@code -}. Binary
 * operators associate to the left. Calls of unknown functions, calls with the wrong number of
 * arguments, and {@code count}/{@code sum}/{@code count-non-empty} of anything but a {@code ${name}}
 * are rejected here, so every parsed expression can be evaluated.
 */
public final class ExpressionParser {

    private static final List<Map<String, Operator>> LEVELS = List.of(
            Map.of("or", Operator.OR),
            Map.of("and", Operator.AND),
            Map.of("=", Operator.EQUAL, "!=", Operator.NOT_EQUAL),
            Map.of("<", Operator.LESS, "<=", Operator.LESS_OR_EQUAL, ">", Operator.GREATER, ">=", Operator.GREATER_OR_EQUAL),
            Map.of("+", Operator.PLUS, "-", Operator.MINUS),
            Map.of("*", Operator.TIMES, "div", Operator.DIV, "mod", Operator.MOD));

    private static final Set<BuiltInFunction> NAME_ARGUMENTS = EnumSet.of(
            BuiltInFunction.COUNT, BuiltInFunction.SUM, BuiltInFunction.COUNT_NON_EMPTY);

    private final List<Token> tokens;
    private int index;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws ExpressionSyntaxException with the 0-based offset of the problem */
    public static Expression parse(String source) {
        ExpressionParser parser = new ExpressionParser(Lexer.tokens(source));
        Expression expression = parser.binary(0);
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw new ExpressionSyntaxException("unexpected " + rest.describe(), rest.position());
        }
        return expression;
    }

    private Expression binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expression left = binary(level + 1);
        while (true) {
            Operator operator = operatorAt(level);
            if (operator == null) {
                return left;
            }
            index++;
            left = new BinaryOperation(operator, left, binary(level + 1));
        }
    }

    private Operator operatorAt(int level) {
        Token token = peek();
        if (token.kind() != Token.Kind.SYMBOL && token.kind() != Token.Kind.NAME) {
            return null;
        }
        return LEVELS.get(level).get(token.text());
    }

    private Expression unary() {
        if (peek().is(Token.Kind.SYMBOL, "-")) {
            index++;
            return new Negation(unary());
        }
        return primary();
    }

    private Expression primary() {
        Token token = tokens.get(index++);
        return switch (token.kind()) {
            case NUMBER -> new NumberLiteral(Double.parseDouble(token.text()));
            case STRING -> new StringLiteral(token.text());
            case REFERENCE -> new Reference(token.text(), token.position());
            case DOT -> new CurrentValue(token.position());
            case OPEN -> {
                Expression inner = binary(0);
                expect(Token.Kind.CLOSE, ")");
                yield inner;
            }
            case NAME -> call(token);
            case END -> throw new ExpressionSyntaxException("unexpected end of expression", token.position());
            default -> throw new ExpressionSyntaxException("unexpected " + token.describe(), token.position());
        };
    }

    private Expression call(Token name) {
        if (peek().kind() != Token.Kind.OPEN) {
            throw new ExpressionSyntaxException("unexpected name '" + name.text()
                    + "' (answers are written ${" + name.text() + "}, text in quotes)", name.position());
        }
        BuiltInFunction function = BuiltInFunction.named(name.text()).orElseThrow(
                () -> new ExpressionSyntaxException(UnsupportedFunctions.why(name.text()), name.position()));
        index++;
        List<Expression> arguments = new ArrayList<>();
        if (function == BuiltInFunction.POSITION && peek().kind() == Token.Kind.PARENT) {
            // position(..) is how XLSForms ask for the entry's number; '..' means nothing else here.
            index++;
        } else if (peek().kind() != Token.Kind.CLOSE) {
            arguments.add(binary(0));
            while (peek().kind() == Token.Kind.COMMA) {
                index++;
                arguments.add(binary(0));
            }
        }
        expect(Token.Kind.CLOSE, ")");
        if (!function.accepts(arguments.size())) {
            throw new ExpressionSyntaxException(function.functionName() + "() takes " + function.arity()
                    + ", not " + arguments.size(), name.position());
        }
        if (NAME_ARGUMENTS.contains(function) && !(arguments.getFirst() instanceof Reference)) {
            throw new ExpressionSyntaxException(function.functionName() + "() takes a ${name}", name.position());
        }
        if (function == BuiltInFunction.INDEXED_REPEAT
                && !(arguments.get(0) instanceof Reference && arguments.get(1) instanceof Reference)) {
            throw new ExpressionSyntaxException("indexed-repeat() takes ${question}, ${repeat}, index", name.position());
        }
        return new FunctionCall(function, arguments, name.position());
    }

    private void expect(Token.Kind kind, String text) {
        Token token = peek();
        if (!token.is(kind, text)) {
            throw new ExpressionSyntaxException("expected '" + text + "'", token.position());
        }
        index++;
    }

    private Token peek() {
        return tokens.get(index);
    }
}
