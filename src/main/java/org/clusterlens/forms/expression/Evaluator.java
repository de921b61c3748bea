package org.clusterlens.forms.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates expressions with XPath 1.0 semantics as ODK applies them. A JavaScript evaluator in the
 * respondent form implements the same rules, so they are deliberately simple:
 * <ul>
 * <li>Values are String, Double, Boolean and List&lt;String&gt; (see {@link Values}). An unanswered
 * question is "". A list behaves as its values joined by spaces, except in {@code selected} and
 * {@code count-selected}.</li>
 * <li>{@code =} and {@code !=}: if either side is a boolean both are compared as booleans;
 * otherwise if either is a number both are compared as numbers (so "" is NaN and equals nothing);
 * otherwise as strings. {@code ${age} = ''} tests for emptiness.</li>
 * <li>{@code < <= > >=}: if both sides are strings of the form YYYY-MM-DD they are compared as
 * dates; otherwise both are compared as numbers, and any comparison with NaN is false.</li>
 * <li>{@code + - * div mod} and unary minus convert to numbers: "" gives NaN; {@code div} by zero
 * gives ±Infinity or NaN; {@code mod} is the truncating remainder (JavaScript {@code %}).</li>
 * <li>{@code and}, {@code or} convert to boolean and short-circuit; {@code if} evaluates only the
 * chosen branch.</li>
 * <li>{@code selected(a, v)} is true if {@code a}'s list, or its space-separated string, contains
 * the string {@code v}; {@code count-selected(a)} counts them.</li>
 * <li>{@code string-length(s)} counts Unicode code points.</li>
 * <li>{@code regex(s, p)} is a whole-string match; patterns are restricted to the syntax Java and
 * JavaScript ({@code u} flag) share, and an invalid pattern matches nothing.</li>
 * <li>{@code count(${r})} is the number of entries of repeat {@code r}; {@code sum(${q})} adds the
 * numbers of {@code q}'s answers across entries (an empty answer makes the sum NaN, as in XPath).</li>
 * <li>{@code concat} joins strings; {@code number} converts; {@code int} truncates towards zero;
 * {@code round(x)} is floor(x + 0.5), {@code round(x, d)} is floor(x·10^d + 0.5) / 10^d in
 * binary floating point; {@code coalesce(a, b)} is {@code a} unless it is "" (or an empty list);
 * {@code today()} is the date as YYYY-MM-DD.</li>
 * </ul>
 */
public final class Evaluator {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final EvaluationContext context;

    public Evaluator(EvaluationContext context) {
        this.context = Objects.requireNonNull(context);
    }

    /** @return a String, Double, Boolean or List&lt;String&gt; */
    public Object evaluate(Expression expression) {
        return switch (expression) {
            case StringLiteral literal -> literal.value();
            case NumberLiteral literal -> literal.value();
            case Reference reference -> Values.normalise(context.answer(reference.name()));
            case CurrentValue current -> Values.normalise(context.currentValue());
            case Negation negation -> -Values.toNumber(evaluate(negation.operand()));
            case BinaryOperation operation -> binary(operation);
            case FunctionCall call -> call(call);
        };
    }

    private Object binary(BinaryOperation operation) {
        Operator operator = operation.operator();
        if (operator == Operator.AND) {
            return Values.toBoolean(evaluate(operation.left())) && Values.toBoolean(evaluate(operation.right()));
        }
        if (operator == Operator.OR) {
            return Values.toBoolean(evaluate(operation.left())) || Values.toBoolean(evaluate(operation.right()));
        }
        Object left = evaluate(operation.left());
        Object right = evaluate(operation.right());
        return switch (operator) {
            case EQUAL -> equal(left, right);
            case NOT_EQUAL -> !equal(left, right);
            case LESS -> compare(left, right, order -> order < 0);
            case LESS_OR_EQUAL -> compare(left, right, order -> order <= 0);
            case GREATER -> compare(left, right, order -> order > 0);
            case GREATER_OR_EQUAL -> compare(left, right, order -> order >= 0);
            case PLUS -> Values.toNumber(left) + Values.toNumber(right);
            case MINUS -> Values.toNumber(left) - Values.toNumber(right);
            case TIMES -> Values.toNumber(left) * Values.toNumber(right);
            case DIV -> Values.toNumber(left) / Values.toNumber(right);
            case MOD -> Values.toNumber(left) % Values.toNumber(right);
            case AND, OR -> throw new IllegalStateException();
        };
    }

    private static boolean equal(Object left, Object right) {
        if (left instanceof Boolean || right instanceof Boolean) {
            return Values.toBoolean(left) == Values.toBoolean(right);
        }
        if (left instanceof Double || right instanceof Double) {
            return Values.toNumber(left) == Values.toNumber(right);
        }
        return Values.toText(left).equals(Values.toText(right));
    }

    private static boolean compare(Object left, Object right, IntPredicate holds) {
        if (left instanceof String a && right instanceof String b
                && ISO_DATE.matcher(a).matches() && ISO_DATE.matcher(b).matches()) {
            return holds.test(a.compareTo(b));
        }
        double a = Values.toNumber(left);
        double b = Values.toNumber(right);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        return holds.test(a < b ? -1 : a > b ? 1 : 0);
    }

    private Object call(FunctionCall call) {
        List<Expression> args = call.arguments();
        return switch (call.function()) {
            case SELECTED -> choices(evaluate(args.get(0))).contains(Values.toText(evaluate(args.get(1))).strip());
            case COUNT_SELECTED -> (double) choices(evaluate(args.get(0))).size();
            case NOT -> !Values.toBoolean(evaluate(args.get(0)));
            case IF -> Values.toBoolean(evaluate(args.get(0))) ? evaluate(args.get(1)) : evaluate(args.get(2));
            case STRING_LENGTH -> {
                String text = Values.toText(evaluate(args.get(0)));
                yield (double) text.codePointCount(0, text.length());
            }
            case REGEX -> matches(Values.toText(evaluate(args.get(0))), Values.toText(evaluate(args.get(1))));
            case COUNT -> (double) context.repeatValues(((Reference) args.get(0)).name()).size();
            case SUM -> context.repeatValues(((Reference) args.get(0)).name()).stream()
                    .mapToDouble(Values::toNumber).sum();
            case CONCAT -> String.join("", args.stream().map(arg -> Values.toText(evaluate(arg))).toList());
            case NUMBER -> Values.toNumber(evaluate(args.get(0)));
            case INT -> truncate(Values.toNumber(evaluate(args.get(0))));
            case ROUND -> round(Values.toNumber(evaluate(args.get(0))),
                    args.size() == 1 ? 0 : Values.toNumber(evaluate(args.get(1))));
            case COALESCE -> {
                Object first = evaluate(args.get(0));
                yield Values.toText(first).isEmpty() ? evaluate(args.get(1)) : first;
            }
            case TODAY -> context.today().toString();
        };
    }

    private static List<String> choices(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        String text = Values.toText(value).strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    private static boolean matches(String text, String pattern) {
        if (RegexDialect.problem(pattern).isPresent()) {
            return false;
        }
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static double truncate(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    private static double round(double x, double digits) {
        if (Double.isNaN(digits)) {
            return Double.NaN;
        }
        double scale = Math.pow(10, truncate(digits));
        return Math.floor(x * scale + 0.5) / scale;
    }
}
