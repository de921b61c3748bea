package org.clusterlens.forms.expression;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
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
 * <li>{@code + - * div mod} and unary minus convert to numbers: "" gives NaN, a date or date-time
 * its days since 1970-01-01 ({@link DateValues}); {@code div} by zero gives ±Infinity or NaN;
 * {@code mod} is the truncating remainder (JavaScript {@code %}).</li>
 * <li>{@code and}, {@code or} convert to boolean and short-circuit; {@code if} evaluates only the
 * chosen branch.</li>
 * <li>A {@code ${name}} argument of {@code sum}, {@code min}, {@code max}, {@code join},
 * {@code count-non-empty}, {@code area} and {@code distance} stands for all its answers across a
 * repeat's entries ({@link EvaluationContext#repeatValues}); {@code sum}, {@code min} and
 * {@code max} skip what is not a number (blank included), {@code count-non-empty} blank answers.</li>
 * <li>Strings count Unicode code points ({@link TextFunctions}); {@code regex(s, p)} is a
 * whole-string match of the dialect Java and JavaScript share ({@link RegexDialect}).</li>
 * <li>{@code round} rounds the decimal digits as written ({@link Rounding}); the other numeric
 * functions are java.lang.StrictMath's, which JavaScript's Math matches to the last digit or so.</li>
 * <li>The full list, with the subtle cases, is in docs/form-format.md.</li>
 * </ul>
 */
public final class Evaluator {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern QUESTION_NAME = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*)");

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
            case TRUE -> true;
            case FALSE -> false;
            case NOT -> !Values.toBoolean(evaluate(args.get(0)));
            case BOOLEAN -> Values.toBoolean(evaluate(args.get(0)));
            case BOOLEAN_FROM_STRING -> {
                String text = text(args.get(0));
                yield text.equalsIgnoreCase("true") || text.equals("1");
            }
            case IF -> Values.toBoolean(evaluate(args.get(0))) ? evaluate(args.get(1)) : evaluate(args.get(2));
            case COALESCE -> {
                Object first = evaluate(args.get(0));
                yield Values.toText(first).isEmpty() ? evaluate(args.get(1)) : first;
            }
            case STRING -> text(args.get(0));
            case CONCAT -> String.join("", (args.size() == 1 ? nodeSet(args.getFirst()) : args.stream().map(this::evaluate)
                    .toList()).stream().map(Values::toText).toList());
            case JOIN -> String.join(text(args.get(0)), args.subList(1, args.size()).stream()
                    .flatMap(arg -> nodeSet(arg).stream()).map(Values::toText).toList());
            case SUBSTR -> TextFunctions.substr(text(args.get(0)), number(args.get(1)),
                    args.size() > 2 ? number(args.get(2)) : null);
            case SUBSTRING_BEFORE -> TextFunctions.substringBefore(text(args.get(0)), text(args.get(1)));
            case SUBSTRING_AFTER -> TextFunctions.substringAfter(text(args.get(0)), text(args.get(1)));
            case CONTAINS -> text(args.get(0)).contains(text(args.get(1)));
            case STARTS_WITH -> text(args.get(0)).startsWith(text(args.get(1)));
            case ENDS_WITH -> text(args.get(0)).endsWith(text(args.get(1)));
            case NORMALIZE_SPACE -> TextFunctions.normalizeSpace(text(args.get(0)));
            case TRANSLATE -> TextFunctions.translate(text(args.get(0)), text(args.get(1)), text(args.get(2)));
            case STRING_LENGTH -> {
                String text = text(args.get(0));
                yield (double) text.codePointCount(0, text.length());
            }
            case REGEX -> matches(text(args.get(0)), text(args.get(1)));
            case SELECTED -> selected(evaluate(args.get(0)), text(args.get(1)).strip());
            case SELECTED_AT -> {
                List<String> chosen = choices(evaluate(args.get(0)));
                int at = TextFunctions.toInt(number(args.get(1)));
                yield at >= 0 && at < chosen.size() ? chosen.get(at) : "";
            }
            case COUNT_SELECTED -> (double) choices(evaluate(args.get(0))).size();
            case CHOICE_NAME -> choiceName(text(args.get(0)), text(args.get(1)));
            case NUMBER -> number(args.get(0));
            case INT -> truncate(number(args.get(0)));
            case ROUND -> Rounding.round(number(args.get(0)), args.size() == 1 ? 0 : number(args.get(1)));
            case FLOOR -> Math.floor(number(args.get(0)));
            case CEILING -> Math.ceil(number(args.get(0)));
            case ABS -> Math.abs(number(args.get(0)));
            case POW -> StrictMath.pow(number(args.get(0)), number(args.get(1)));
            case SQRT -> StrictMath.sqrt(number(args.get(0)));
            case EXP -> StrictMath.exp(number(args.get(0)));
            case EXP10 -> StrictMath.pow(10, number(args.get(0)));
            case LOG -> StrictMath.log(number(args.get(0)));
            case LOG10 -> StrictMath.log10(number(args.get(0)));
            case SIN -> StrictMath.sin(number(args.get(0)));
            case COS -> StrictMath.cos(number(args.get(0)));
            case TAN -> StrictMath.tan(number(args.get(0)));
            case ASIN -> StrictMath.asin(number(args.get(0)));
            case ACOS -> StrictMath.acos(number(args.get(0)));
            case ATAN -> StrictMath.atan(number(args.get(0)));
            case ATAN2 -> StrictMath.atan2(number(args.get(0)), number(args.get(1)));
            case PI -> Math.PI;
            case MIN -> extreme(args, Math::min);
            case MAX -> extreme(args, Math::max);
            case SUM -> sum(nodeSet(args.get(0)));
            case COUNT -> (double) context.repeatValues(((Reference) args.get(0)).name()).size();
            case COUNT_NON_EMPTY -> (double) nodeSet(args.get(0)).stream().filter(value -> !isBlank(value)).count();
            case TODAY -> context.today().toString();
            case NOW -> DateValues.dateTimeText(nowInDays(), context.now().getOffset());
            case DATE -> {
                Object value = evaluate(args.get(0));
                yield DateValues.dateText(value instanceof Double days ? truncate(days) : moment(value));
            }
            case DATE_TIME -> DateValues.dateTimeText(moment(evaluate(args.get(0))), context.now().getOffset());
            case DECIMAL_DATE_TIME -> moment(evaluate(args.get(0)));
            case DECIMAL_TIME -> DateValues.fractionOfDay(text(args.get(0)).strip());
            case FORMAT_DATE, FORMAT_DATE_TIME -> {
                DateValues.Moment moment = DateValues.Moment.of(moment(evaluate(args.get(0))));
                yield moment == null ? "" : DateFormat.format(moment, text(args.get(1)));
            }
            case POSITION -> (double) context.position();
            case INDEXED_REPEAT -> {
                List<Object> values = context.repeatValues(((Reference) args.get(0)).name());
                int at = TextFunctions.toInt(number(args.get(2))) - 1;
                yield at >= 0 && at < values.size() ? Values.normalise(values.get(at)) : "";
            }
            case ONCE -> {
                Object kept = Values.normalise(context.currentValue());
                yield isBlank(kept) ? evaluate(args.get(0)) : kept;
            }
            case UUID -> args.isEmpty() ? java.util.UUID.randomUUID().toString()
                    : RandomText.of(TextFunctions.toInt(number(args.get(0))));
            case AREA -> GeoFunctions.area(geopoints(args));
            case DISTANCE -> GeoFunctions.distance(geopoints(args));
        };
    }

    private String text(Expression expression) {
        return Values.toText(evaluate(expression));
    }

    private double number(Expression expression) {
        return Values.toNumber(evaluate(expression));
    }

    /** A ${name} argument stands for all its answers (across a repeat's entries); anything else for itself. */
    private List<Object> nodeSet(Expression argument) {
        if (argument instanceof Reference reference) {
            return context.repeatValues(reference.name()).stream().map(Values::normalise).toList();
        }
        return List.of(evaluate(argument));
    }

    private static boolean isBlank(Object value) {
        return Values.toText(value).strip().isEmpty();
    }

    /** As Collect: what is not a number (blank included) is skipped, in order, without compensation. */
    private static double sum(List<Object> values) {
        double total = 0;
        for (Object value : values) {
            double number = Values.toNumber(value);
            if (!Double.isNaN(number)) {
                total += number;
            }
        }
        return total;
    }

    /**
     * min and max skip what is not a number (blank included), as Collect does; NaN when nothing is
     * left.
     */
    private double extreme(List<Expression> args, DoubleBinaryOperator pick) {
        double result = Double.NaN;
        for (Object value : args.stream().flatMap(arg -> nodeSet(arg).stream()).toList()) {
            double number = Values.toNumber(value);
            if (!Double.isNaN(number)) {
                result = Double.isNaN(result) ? number : pick.applyAsDouble(result, number);
            }
        }
        return result;
    }

    /** A date-time as its days with the fraction of the day, where arithmetic counts whole days. */
    private static double moment(Object value) {
        return value instanceof String text ? DateValues.days(text.strip()) : Values.toNumber(value);
    }

    private List<GeoFunctions.Point> geopoints(List<Expression> args) {
        return GeoFunctions.points(args.stream().flatMap(arg -> nodeSet(arg).stream()).map(Values::toText).toList());
    }

    /** {@code selected(x, '')} is true of an empty answer, as in Collect, and of nothing else. */
    private static boolean selected(Object answer, String value) {
        List<String> chosen = choices(answer);
        return value.isEmpty() ? chosen.isEmpty() : chosen.contains(value);
    }

    /** The second argument names the question as XLSForms write it, {@code '${q}'}, or bare. */
    private String choiceName(String value, String question) {
        Matcher reference = QUESTION_NAME.matcher(question.strip());
        if (value.isEmpty() || !reference.matches()) {
            return "";
        }
        return context.choiceLabel(reference.group(1) != null ? reference.group(1) : reference.group(2), value);
    }

    private double nowInDays() {
        OffsetDateTime now = context.now();
        LocalDateTime wallClock = now.toLocalDateTime();
        return wallClock.toLocalDate().toEpochDay()
                + (double) (wallClock.toLocalTime().toNanoOfDay() / 1_000_000) / DateValues.DAY_MS;
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
}
