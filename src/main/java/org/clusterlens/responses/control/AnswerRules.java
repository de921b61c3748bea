package org.clusterlens.responses.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.ChoiceList;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.TemplateModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether one answer, known not to be empty, has the shape and range its question's type asks for. */
final class AnswerRules {

    /** Long texts are what theme discovery reads; beyond this, an answer is pasted, not written. */
    static final int MAX_TEXT = 10_000;

    /** Whole numbers a JavaScript client holds exactly. */
    private static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf(9_007_199_254_740_991L);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> GEOPOINT_KEYS = Set.of("lat", "lon", "accuracy");
    private static final Set<String> LINK_KEYS = Set.of("actor", "relations");
    static final String OTHER = "other";

    /** Either the answer to keep (as sent, or with unanswered matrix rows left out) or a problem. */
    record Outcome(JsonValue kept, String problem) {

        static Outcome keep(JsonValue value) {
            return new Outcome(value, null);
        }

        static Outcome refuse(String problem) {
            return new Outcome(null, problem);
        }
    }

    private final TemplateModel template;

    AnswerRules(TemplateModel template) {
        this.template = template;
    }

    Outcome check(Question question, JsonValue value, String language, LinkableActors register) {
        return switch (question.type()) {
            case TEXT, LONG_TEXT -> text(value, question.number("maxLength").map(JsonNumber::longValue)
                    .orElse((long) MAX_TEXT), language);
            case INTEGER -> integer(question, value, language);
            case DECIMAL -> decimal(question, value, language);
            case DATE -> date(question, value, language);
            case YES_NO -> value instanceof JsonString answer
                    && (answer.getString().equals("yes") || answer.getString().equals("no"))
                    ? Outcome.keep(value) : refuse(AnswerMessages.YES_NO, language);
            case SELECT_ONE, LIKERT -> value instanceof JsonString answer && offered(question, answer)
                    ? Outcome.keep(value) : refuse(AnswerMessages.CHOICE, language);
            case SELECT_MULTIPLE -> selectMultiple(question, value, language);
            case RANK -> rank(question, value, language);
            case MATRIX -> matrix(question, value, language);
            case GEOPOINT -> geopoint(value, language);
            case LINKAGE -> linkage(question, value, language, register);
            case NOTE, CALCULATE -> Outcome.keep(value);
        };
    }

    /** The text specifying an "Other" choice. */
    Outcome specify(JsonValue value, String language) {
        return text(value, MAX_TEXT, language);
    }

    static boolean choseOther(JsonValue answer) {
        return switch (answer) {
            case JsonString choice -> choice.getString().equals(OTHER);
            case JsonArray choices -> choices.stream()
                    .anyMatch(choice -> choice instanceof JsonString string && string.getString().equals(OTHER));
            default -> false;
        };
    }

    private static Outcome text(JsonValue value, long limit, String language) {
        if (!(value instanceof JsonString text)) {
            return refuse(AnswerMessages.TEXT, language);
        }
        String string = text.getString();
        int length = string.codePointCount(0, string.length());
        return length <= limit ? Outcome.keep(value) : refuse(AnswerMessages.TOO_LONG, language, limit, length);
    }

    private static Outcome integer(Question question, JsonValue value, String language) {
        Optional<BigDecimal> min = question.number("min").map(JsonNumber::bigDecimalValue);
        Optional<BigDecimal> max = question.number("max").map(JsonNumber::bigDecimalValue);
        if (value instanceof JsonNumber number && isWhole(number.bigDecimalValue())
                && within(number.bigDecimalValue(), min, max)) {
            return Outcome.keep(value);
        }
        return Outcome.refuse(bounded(language, min.map(bound -> AnswerMessages.number(bound, language)),
                max.map(bound -> AnswerMessages.number(bound, language)), AnswerMessages.WHOLE_NUMBER,
                AnswerMessages.WHOLE_NUMBER_BETWEEN, AnswerMessages.WHOLE_NUMBER_AT_LEAST,
                AnswerMessages.WHOLE_NUMBER_AT_MOST));
    }

    private static Outcome decimal(Question question, JsonValue value, String language) {
        Optional<BigDecimal> min = question.number("min").map(JsonNumber::bigDecimalValue);
        Optional<BigDecimal> max = question.number("max").map(JsonNumber::bigDecimalValue);
        if (value instanceof JsonNumber number && within(number.bigDecimalValue(), min, max)) {
            return Outcome.keep(value);
        }
        return Outcome.refuse(bounded(language, min.map(bound -> AnswerMessages.number(bound, language)),
                max.map(bound -> AnswerMessages.number(bound, language)), AnswerMessages.NUMBER,
                AnswerMessages.NUMBER_BETWEEN, AnswerMessages.NUMBER_AT_LEAST, AnswerMessages.NUMBER_AT_MOST));
    }

    private static <T extends Comparable<? super T>> boolean within(T value, Optional<T> min, Optional<T> max) {
        return min.map(bound -> value.compareTo(bound) >= 0).orElse(true)
                && max.map(bound -> value.compareTo(bound) <= 0).orElse(true);
    }

    /** The message for the bounds that are set: the respondent is told the range, not just "no". */
    private static String bounded(String language, Optional<String> min, Optional<String> max,
                                  AnswerMessages unbounded, AnswerMessages between, AnswerMessages atLeast,
                                  AnswerMessages atMost) {
        if (min.isPresent() && max.isPresent()) {
            return between.in(language, min.get(), max.get());
        }
        if (min.isPresent()) {
            return atLeast.in(language, min.get());
        }
        return max.isPresent() ? atMost.in(language, max.get()) : unbounded.in(language);
    }

    private static Outcome date(Question question, JsonValue value, String language) {
        Optional<LocalDate> min = question.string("min").flatMap(AnswerRules::parseDate);
        Optional<LocalDate> max = question.string("max").flatMap(AnswerRules::parseDate);
        Optional<LocalDate> answer = value instanceof JsonString text ? parseDate(text.getString()) : Optional.empty();
        if (answer.isEmpty()) {
            return refuse(AnswerMessages.DATE, language);
        }
        if (within(answer.get(), min, max)) {
            return Outcome.keep(value);
        }
        return Outcome.refuse(bounded(language, min.map(bound -> AnswerMessages.date(bound, language)),
                max.map(bound -> AnswerMessages.date(bound, language)), AnswerMessages.DATE,
                AnswerMessages.DATE_BETWEEN, AnswerMessages.DATE_AT_LEAST, AnswerMessages.DATE_AT_MOST));
    }

    private static Optional<LocalDate> parseDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Outcome selectMultiple(Question question, JsonValue value, String language) {
        if (!(value instanceof JsonArray choices) || !distinctOffered(question, choices)) {
            return refuse(AnswerMessages.CHOICES, language);
        }
        long min = question.number("minSelected").map(JsonNumber::longValue).orElse(0L);
        long max = question.number("maxSelected").map(JsonNumber::longValue).orElse(Long.MAX_VALUE);
        if (choices.size() < min) {
            return min == 1 ? refuse(AnswerMessages.AT_LEAST_ONE_OPTION, language)
                    : refuse(AnswerMessages.AT_LEAST_OPTIONS, language, min);
        }
        if (choices.size() > max) {
            return max == 1 ? refuse(AnswerMessages.AT_MOST_ONE_OPTION, language)
                    : refuse(AnswerMessages.AT_MOST_OPTIONS, language, max);
        }
        return Outcome.keep(value);
    }

    private Outcome rank(Question question, JsonValue value, String language) {
        if (!(value instanceof JsonArray ranked) || !distinctOffered(question, ranked)) {
            return refuse(AnswerMessages.RANK, language);
        }
        long rankCount = question.number("rankCount").map(JsonNumber::longValue).orElse(Long.MAX_VALUE);
        return ranked.size() <= rankCount ? Outcome.keep(value)
                : refuse(AnswerMessages.RANK_AT_MOST, language, rankCount);
    }

    /** Rows sent empty (null or "") count as unanswered and are left out of what is kept. */
    private Outcome matrix(Question question, JsonValue value, String language) {
        if (!(value instanceof JsonObject rows)) {
            return refuse(AnswerMessages.MATRIX, language);
        }
        List<String> rowNames = question.definition().get("rows") instanceof JsonArray defined
                ? defined.stream().filter(JsonObject.class::isInstance)
                .map(row -> row.asJsonObject().getString("name", "")).toList()
                : List.of();
        Set<String> scale = Set.copyOf(values(question));
        JsonObjectBuilder kept = SubmissionValidator.JSON.createObjectBuilder();
        int answered = 0;
        for (var row : rows.entrySet()) {
            JsonValue choice = row.getValue();
            if (!rowNames.contains(row.getKey())) {
                return refuse(AnswerMessages.MATRIX, language);
            }
            if (choice == JsonValue.NULL || choice instanceof JsonString empty && empty.getString().isEmpty()) {
                continue;
            }
            if (!(choice instanceof JsonString string) || !scale.contains(string.getString())) {
                return refuse(AnswerMessages.MATRIX, language);
            }
            kept.add(row.getKey(), choice);
            answered++;
        }
        if (question.required() && answered > 0 && answered < rowNames.size()) {
            return refuse(AnswerMessages.MATRIX_INCOMPLETE, language);
        }
        return Outcome.keep(answered == rows.size() ? value : kept.build());
    }

    private static Outcome geopoint(JsonValue value, String language) {
        if (value instanceof JsonObject point && GEOPOINT_KEYS.containsAll(point.keySet())
                && point.get("lat") instanceof JsonNumber lat && point.get("lon") instanceof JsonNumber lon
                && Math.abs(lat.doubleValue()) <= 90 && Math.abs(lon.doubleValue()) <= 180
                && (!point.containsKey("accuracy")
                || point.get("accuracy") instanceof JsonNumber accuracy && accuracy.doubleValue() >= 0)) {
            return Outcome.keep(value);
        }
        return refuse(AnswerMessages.GEOPOINT, language);
    }

    private Outcome linkage(Question question, JsonValue value, String language, LinkableActors register) {
        if (!(value instanceof JsonArray links)) {
            return refuse(AnswerMessages.LINKAGE, language);
        }
        Set<Long> named = new HashSet<>();
        for (JsonValue element : links) {
            if (element instanceof JsonObject link && link.get("actor") instanceof JsonNumber actor
                    && isWhole(actor.bigDecimalValue())) {
                named.add(actor.bigDecimalValue().longValue());
            }
        }
        Set<Long> known = named.isEmpty() ? Set.of() : register.among(named);
        Set<String> relationTypes = Set.copyOf(values(question));
        Set<Long> actors = new HashSet<>();
        for (JsonValue element : links) {
            if (!(element instanceof JsonObject link) || !LINK_KEYS.containsAll(link.keySet())
                    || !(link.get("actor") instanceof JsonNumber actor) || !isWhole(actor.bigDecimalValue())) {
                return refuse(AnswerMessages.LINKAGE, language);
            }
            long actorId = actor.bigDecimalValue().longValue();
            if (!known.contains(actorId)) {
                return refuse(AnswerMessages.LINKAGE_UNKNOWN_ACTOR, language);
            }
            if (!actors.add(actorId)) {
                return refuse(AnswerMessages.LINKAGE_DUPLICATE, language);
            }
            if (!(link.get("relations") instanceof JsonArray relations) || relations.isEmpty()
                    || !distinctIn(relations, relationTypes)) {
                return refuse(AnswerMessages.LINKAGE_RELATIONS, language);
            }
        }
        return Outcome.keep(value);
    }

    private static boolean isWhole(BigDecimal number) {
        return number.abs().compareTo(MAX_SAFE_INTEGER) <= 0
                && (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0);
    }

    private boolean offered(Question question, JsonString choice) {
        return values(question).contains(choice.getString()) || question.other() && choice.getString().equals(OTHER);
    }

    private boolean distinctOffered(Question question, JsonArray choices) {
        Set<String> seen = new HashSet<>();
        for (JsonValue choice : choices) {
            if (!(choice instanceof JsonString string) || !offered(question, string) || !seen.add(string.getString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean distinctIn(JsonArray choices, Set<String> allowed) {
        Set<String> seen = new HashSet<>();
        for (JsonValue choice : choices) {
            if (!(choice instanceof JsonString string) || !allowed.contains(string.getString())
                    || !seen.add(string.getString())) {
                return false;
            }
        }
        return true;
    }

    private List<String> values(Question question) {
        return question.choiceList().flatMap(template::choiceList).map(ChoiceList::values).orElse(List.of());
    }

    private static Outcome refuse(AnswerMessages message, String language, Object... arguments) {
        return Outcome.refuse(message.in(language, arguments));
    }
}
