package org.clusterlens.responses.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.QuestionType;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.expression.EvaluationContext;
import org.clusterlens.forms.expression.Values;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What expressions see of a submission at one level: the top level, or one entry of a repeat.
 * It holds the answers as sent, as the live form sees what is typed, so that an expression may look
 * ahead and a refused answer does not set off errors elsewhere. As validation goes through the
 * template in order, answers that are not relevant are cleared and calculations take the server's
 * value.
 */
final class SubmissionScope {

    private final SubmissionLayout layout;
    private final SubmissionScope parent;
    private final String level;
    private final int position;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, List<SubmissionScope>> entries = new HashMap<>();

    private SubmissionScope(SubmissionLayout layout, SubmissionScope parent, String level, int position,
                            JsonObject sent) {
        this.layout = layout;
        this.parent = parent;
        this.level = level;
        this.position = position;
        for (Question question : layout.questions(level)) {
            if (question.type() != QuestionType.CALCULATE && question.type().hasAnswer()) {
                values.put(question.name(), expressionValue(sent.get(question.name())));
            }
        }
        for (Repeat repeat : layout.repeats(level)) {
            List<SubmissionScope> sentEntries = new ArrayList<>();
            if (sent.get(repeat.name()) instanceof JsonArray array) {
                for (JsonValue entry : array) {
                    sentEntries.add(new SubmissionScope(layout, this, repeat.name(), sentEntries.size() + 1,
                            entry instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT));
                }
            }
            entries.put(repeat.name(), sentEntries);
        }
    }

    static SubmissionScope root(SubmissionLayout layout, JsonObject sent) {
        return new SubmissionScope(layout, null, null, 0, sent);
    }

    void set(String name, Object value) {
        values.put(name, value);
    }

    List<SubmissionScope> entries(String repeat) {
        return entries.getOrDefault(repeat, List.of());
    }

    void clearEntries(String repeat) {
        entries.put(repeat, List.of());
    }

    /**
     * @param currentValue for a constraint the answer, for a calculation the value sent (which
     *                     {@code once()} keeps)
     * @param labels       question name and choice value → label in the respondent's language
     */
    EvaluationContext context(Object currentValue, OffsetDateTime now, BiFunction<String, String, String> labels) {
        return new Context(currentValue, now, labels);
    }

    /**
     * The value an expression sees for an answer: a String, Double, Boolean or List of Strings;
     * "" when unanswered. Geopoints read as "lat lon", linkages as their actor ids; the other
     * objects (matrix answers) have no value.
     */
    static Object expressionValue(JsonValue value) {
        return switch (value) {
            case null -> "";
            case JsonString string -> string.getString();
            case JsonNumber number -> number.doubleValue();
            case JsonArray array -> array.stream().map(SubmissionScope::element).toList();
            case JsonObject object when object.get("lat") instanceof JsonNumber lat
                    && object.get("lon") instanceof JsonNumber lon -> lat + " " + lon;
            case JsonObject object -> "";
            default -> value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : "";
        };
    }

    private static String element(JsonValue value) {
        return switch (value) {
            case JsonString string -> string.getString();
            case JsonNumber number -> Values.toText(number.doubleValue());
            case JsonObject object when object.containsKey("actor") -> element(object.get("actor"));
            default -> value.toString();
        };
    }

    /** This scope or the nearest enclosing one at a level on {@code path}, the top level at least. */
    private SubmissionScope nearestOn(List<String> path) {
        SubmissionScope scope = this;
        while (scope.level != null && !path.contains(scope.level)) {
            scope = scope.parent;
        }
        return scope;
    }

    /** Every scope at {@code target} level below this one, in document order. */
    private List<SubmissionScope> scopesAt(String target) {
        List<String> path = layout.path(target);
        List<SubmissionScope> scopes = List.of(this);
        for (int i = level == null ? 0 : path.indexOf(level) + 1; i < path.size(); i++) {
            String repeat = path.get(i);
            scopes = scopes.stream().flatMap(scope -> scope.entries(repeat).stream()).toList();
        }
        return scopes;
    }

    private final class Context implements EvaluationContext {

        private final Object currentValue;
        private final OffsetDateTime now;
        private final BiFunction<String, String, String> labels;

        Context(Object currentValue, OffsetDateTime now, BiFunction<String, String, String> labels) {
            this.currentValue = currentValue;
            this.now = now;
            this.labels = labels;
        }

        /**
         * The answer at the top level, or in this entry (or an enclosing one) for a question in a
         * repeat. A question of a repeat this is not in has no single answer: "", as in the live
         * form; {@code sum} and {@code count} reach across entries.
         */
        @Override
        public Object answer(String name) {
            String home = layout.levelOf(name);
            SubmissionScope scope = SubmissionScope.this;
            while (scope != null && !Objects.equals(scope.level, home)) {
                scope = scope.parent;
            }
            return scope == null ? "" : scope.values.getOrDefault(name, "");
        }

        @Override
        public Object currentValue() {
            return currentValue;
        }

        /** Across every entry of the enclosing entry (or of the whole submission at the top level). */
        @Override
        public List<Object> repeatValues(String name) {
            String target = layout.isRepeat(name) ? name : layout.levelOf(name);
            if (target == null) {
                return List.of(answer(name));
            }
            List<SubmissionScope> scopes = nearestOn(layout.path(layout.levelOf(target))).scopesAt(target);
            return layout.isRepeat(name)
                    ? List.copyOf(scopes)
                    : scopes.stream().map(scope -> scope.values.getOrDefault(name, "")).toList();
        }

        @Override
        public LocalDate today() {
            return now.toLocalDate();
        }

        @Override
        public OffsetDateTime now() {
            return now;
        }

        @Override
        public String choiceLabel(String question, String value) {
            return labels.apply(question, value);
        }

        /** The entry's number within its repeat, 0 at the top level. */
        @Override
        public int position() {
            return position;
        }
    }
}
