package org.clusterlens.responses.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.clusterlens.forms.control.Group;
import org.clusterlens.forms.control.Item;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.control.Section;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.expression.Expression;
import org.clusterlens.forms.expression.ExpressionParser;
import org.clusterlens.forms.expression.Values;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's word on a respondent's answers to one exact template version. The respondent form
 * applies the same rules live; this is the authority.
 * <p>
 * The template is walked in order. An item is kept only while its section's, groups', repeats' and
 * its own {@code relevant} expressions hold; answers to anything else are dropped, whatever they
 * hold. Calculations are recomputed from what has been kept so far. A relevant answer must have the
 * shape of its type (see {@code docs/respond-api.md}), lie within its bounds and satisfy its
 * {@code constraint}; a required one must not be empty (missing, null, "", [] or {}). Keys that are
 * no question of the template are refused, not stored. Text is kept exactly as sent.
 * <p>
 * Every problem is reported at once, each with a JSON pointer ({@code /answers/<question>}, or
 * {@code /answers/<repeat>/<entry>/<question>}) and a message in the respondent's language: theirs
 * if the template has it, else the template's default; the generic messages exist in English,
 * French and Arabic, and fall back to English.
 * <p>
 * A validator may be shared between threads.
 */
public final class SubmissionValidator {

    /** Json.createX() looks the provider up anew on every call, which a submission makes hundreds of. */
    static final JsonProvider JSON = JsonProvider.provider();
    private static final String ANSWERS = "/answers";
    private static final String ENGLISH = "en";

    private final TemplateModel template;
    private final SubmissionLayout layout;
    private final AnswerRules rules;
    private final Map<String, Expression> expressions = new HashMap<>();

    public SubmissionValidator(TemplateModel template) {
        this.template = Objects.requireNonNull(template);
        layout = new SubmissionLayout(template);
        rules = new AnswerRules(template);
        for (Section section : template.sections()) {
            section.relevant().ifPresent(this::parse);
            parseAll(section.items());
        }
    }

    public TemplateModel template() {
        return template;
    }

    /** The answers to keep, and every problem found; the answers are final only when there is none. */
    public record Result(JsonObject answers, List<AnswerError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** @param pointer where in the submission, such as {@code /answers/employees_women} */
    public record AnswerError(String pointer, String message) {
    }

    /**
     * @param answers  question name → answer, as sent; null counts as no answers
     * @param language the respondent's language
     * @param today    the date {@code today()} gives; null for the server's
     * @param register the actors linkage answers may name; null for none
     */
    public Result validate(JsonObject answers, String language, LocalDate today, LinkableActors register) {
        return new Pass(language, today == null ? LocalDate.now() : today,
                register == null ? LinkableActors.NONE : register)
                .run(answers == null ? JsonValue.EMPTY_JSON_OBJECT : answers);
    }

    private void parseAll(List<Item> items) {
        for (Item item : items) {
            item.relevant().ifPresent(this::parse);
            switch (item) {
                case Group group -> parseAll(group.items());
                case Repeat repeat -> {
                    repeat.countFrom().ifPresent(this::parse);
                    parseAll(repeat.items());
                }
                case Question question -> {
                    question.constraint().ifPresent(this::parse);
                    question.calculation().ifPresent(this::parse);
                }
            }
        }
    }

    private void parse(String source) {
        expressions.computeIfAbsent(source, ExpressionParser::parse);
    }

    private static boolean isEmpty(JsonValue value) {
        return switch (value) {
            case null -> true;
            case JsonString string -> string.getString().isEmpty();
            case JsonArray array -> array.isEmpty();
            case JsonObject object -> object.isEmpty();
            default -> value == JsonValue.NULL;
        };
    }

    private static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** One validation: its language, its date and the problems found so far. */
    private final class Pass {

        private final String answerLanguage;
        private final String messageLanguage;
        /** For now() and today(): the server's clock, or midnight UTC of the day a caller gives. */
        private final OffsetDateTime now;
        private final LinkableActors register;
        private final List<AnswerError> errors = new ArrayList<>();

        Pass(String language, LocalDate today, LinkableActors register) {
            answerLanguage = language != null && template.languages().contains(language)
                    ? language : template.defaultLanguage();
            messageLanguage = AnswerMessages.speaks(answerLanguage) ? answerLanguage
                    : AnswerMessages.speaks(template.defaultLanguage()) ? template.defaultLanguage() : ENGLISH;
            OffsetDateTime clock = OffsetDateTime.now();
            this.now = clock.toLocalDate().equals(today) ? clock : today.atStartOfDay().atOffset(ZoneOffset.UTC);
            this.register = register;
        }

        Result run(JsonObject sent) {
            SubmissionScope root = SubmissionScope.root(layout, sent);
            JsonObjectBuilder kept = JSON.createObjectBuilder();
            for (Section section : template.sections()) {
                if (relevant(section.relevant(), root)) {
                    items(section.items(), sent, root, ANSWERS, kept);
                } else {
                    drop(section.items(), root);
                }
            }
            refuseUnknownKeys(sent, null, ANSWERS);
            return new Result(kept.build(), errors);
        }

        private void items(List<Item> items, JsonObject sent, SubmissionScope scope, String pointer,
                           JsonObjectBuilder kept) {
            for (Item item : items) {
                switch (item) {
                    case Group group -> {
                        if (relevant(group.relevant(), scope)) {
                            items(group.items(), sent, scope, pointer, kept);
                        } else {
                            drop(group.items(), scope);
                        }
                    }
                    case Repeat repeat -> repeat(repeat, sent, scope, pointer, kept);
                    case Question question -> question(question, sent, scope, pointer, kept);
                }
            }
        }

        /** Forgets what later expressions would otherwise see of items that are not relevant. */
        private void drop(List<Item> items, SubmissionScope scope) {
            for (Item item : items) {
                switch (item) {
                    case Group group -> drop(group.items(), scope);
                    case Repeat repeat -> scope.clearEntries(repeat.name());
                    case Question question -> scope.set(question.name(), "");
                }
            }
        }

        private void question(Question question, JsonObject sent, SubmissionScope scope, String pointer,
                              JsonObjectBuilder kept) {
            if (!relevant(question.relevant(), scope)) {
                scope.set(question.name(), "");
                return;
            }
            switch (question.type()) {
                case NOTE -> {
                }
                case CALCULATE -> calculate(question, sent, scope, kept);
                default -> answer(question, sent, scope, pointer, kept);
            }
        }

        private void calculate(Question question, JsonObject sent, SubmissionScope scope, JsonObjectBuilder kept) {
            Object value = evaluate(question.calculation().orElseThrow(), scope,
                    SubmissionScope.expressionValue(sent.get(question.name())));
            Optional<JsonValue> stored = storable(value);
            stored.ifPresent(json -> kept.add(question.name(), json));
            scope.set(question.name(), stored.isPresent() ? value : "");
        }

        private void answer(Question question, JsonObject sent, SubmissionScope scope, String pointer,
                            JsonObjectBuilder kept) {
            String answerPointer = child(pointer, question.name());
            JsonValue value = sent.get(question.name());
            AnswerRules.Outcome outcome = isEmpty(value) ? AnswerRules.Outcome.keep(JsonValue.NULL)
                    : rules.check(question, value, messageLanguage, register);
            if (outcome.problem() != null) {
                errors.add(new AnswerError(answerPointer, outcome.problem()));
                return;
            }
            if (isEmpty(outcome.kept())) {
                if (question.required()) {
                    errors.add(new AnswerError(answerPointer, AnswerMessages.REQUIRED.in(messageLanguage)));
                }
                return;
            }
            Object expressionValue = SubmissionScope.expressionValue(outcome.kept());
            boolean accepted = question.constraint()
                    .map(constraint -> Values.toBoolean(evaluate(constraint, scope, expressionValue)))
                    .orElse(true);
            if (accepted) {
                kept.add(question.name(), outcome.kept());
            } else {
                errors.add(new AnswerError(answerPointer, constraintMessage(question)));
            }
            if (question.other() && AnswerRules.choseOther(outcome.kept())) {
                specifyOther(question, sent, pointer, kept);
            }
        }

        private void specifyOther(Question question, JsonObject sent, String pointer, JsonObjectBuilder kept) {
            String key = SubmissionLayout.otherKey(question.name());
            JsonValue value = sent.get(key);
            if (isEmpty(value)) {
                errors.add(new AnswerError(child(pointer, key), AnswerMessages.OTHER_REQUIRED.in(messageLanguage)));
                return;
            }
            AnswerRules.Outcome outcome = rules.specify(value, messageLanguage);
            if (outcome.problem() != null) {
                errors.add(new AnswerError(child(pointer, key), outcome.problem()));
            } else {
                kept.add(key, outcome.kept());
            }
        }

        private String constraintMessage(Question question) {
            return question.constraintMessage()
                    .map(text -> text.in(answerLanguage, template.defaultLanguage()))
                    .filter(text -> !text.isEmpty())
                    .orElseGet(() -> AnswerMessages.NOT_ACCEPTED.in(messageLanguage));
        }

        private void repeat(Repeat repeat, JsonObject sent, SubmissionScope scope, String pointer,
                            JsonObjectBuilder kept) {
            if (!relevant(repeat.relevant(), scope)) {
                scope.clearEntries(repeat.name());
                return;
            }
            String repeatPointer = child(pointer, repeat.name());
            JsonValue value = sent.get(repeat.name());
            if (value != null && value != JsonValue.NULL && !(value instanceof JsonArray)) {
                errors.add(new AnswerError(repeatPointer, AnswerMessages.ENTRIES.in(messageLanguage)));
                scope.clearEntries(repeat.name());
                return;
            }
            List<JsonValue> sentEntries = value instanceof JsonArray array ? array : List.of();
            entryCountProblem(repeat, sentEntries.size(), scope)
                    .ifPresent(problem -> errors.add(new AnswerError(repeatPointer, problem)));
            List<SubmissionScope> entryScopes = scope.entries(repeat.name());
            JsonArrayBuilder entries = JSON.createArrayBuilder();
            for (int i = 0; i < sentEntries.size(); i++) {
                String entryPointer = repeatPointer + "/" + i;
                if (!(sentEntries.get(i) instanceof JsonObject entry)) {
                    errors.add(new AnswerError(entryPointer, AnswerMessages.ENTRY.in(messageLanguage)));
                    entries.add(JsonValue.EMPTY_JSON_OBJECT);
                    continue;
                }
                JsonObjectBuilder keptEntry = JSON.createObjectBuilder();
                items(repeat.items(), entry, entryScopes.get(i), entryPointer, keptEntry);
                refuseUnknownKeys(entry, repeat.name(), entryPointer);
                entries.add(keptEntry);
            }
            if (!sentEntries.isEmpty()) {
                kept.add(repeat.name(), entries);
            }
        }

        private Optional<String> entryCountProblem(Repeat repeat, int entries, SubmissionScope scope) {
            if (repeat.count().isPresent() || repeat.countFrom().isPresent()) {
                long expected = repeat.count().isPresent() ? repeat.count().getAsInt()
                        : expectedEntries(evaluate(repeat.countFrom().get(), scope, null));
                if (entries == expected) {
                    return Optional.empty();
                }
                return Optional.of(expected == 0 ? AnswerMessages.NO_ENTRIES.in(messageLanguage)
                        : expected == 1 ? AnswerMessages.EXACTLY_ONE_ENTRY.in(messageLanguage)
                        : AnswerMessages.EXACTLY_ENTRIES.in(messageLanguage, expected));
            }
            if (repeat.maxCount().isPresent() && entries > repeat.maxCount().getAsInt()) {
                int max = repeat.maxCount().getAsInt();
                return Optional.of(max == 1 ? AnswerMessages.AT_MOST_ONE_ENTRY.in(messageLanguage)
                        : AnswerMessages.AT_MOST_ENTRIES.in(messageLanguage, max));
            }
            return Optional.empty();
        }

        /** An unanswered or negative count means no entries, as the live form shows none. */
        private static long expectedEntries(Object count) {
            double number = Values.toNumber(count);
            return Double.isNaN(number) || number < 0 ? 0 : (long) number;
        }

        private void refuseUnknownKeys(JsonObject sent, String level, String pointer) {
            for (String key : sent.keySet()) {
                if (!layout.accepts(level, key)) {
                    AnswerMessages message = layout.acceptsElsewhere(key)
                            ? AnswerMessages.MISPLACED_QUESTION : AnswerMessages.UNKNOWN_QUESTION;
                    errors.add(new AnswerError(child(pointer, key), message.in(messageLanguage)));
                }
            }
        }

        private boolean relevant(Optional<String> relevant, SubmissionScope scope) {
            return relevant.map(source -> Values.toBoolean(evaluate(source, scope, null))).orElse(true);
        }

        private Object evaluate(String source, SubmissionScope scope, Object currentValue) {
            return expressions.get(source).evaluate(scope.context(currentValue, now, this::choiceLabel));
        }

        private String choiceLabel(String questionName, String value) {
            return template.question(questionName).flatMap(Question::choiceList).flatMap(template::choiceList)
                    .flatMap(list -> list.choice(value))
                    .map(choice -> choice.label().in(answerLanguage, template.defaultLanguage()))
                    .orElse("");
        }
    }

    /** A calculated value as stored: NaN, infinities, "" and empty lists are no value. */
    private static Optional<JsonValue> storable(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case Double number when number.isNaN() || number.isInfinite() -> Optional.empty();
            case Double number when number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15 ->
                    Optional.of(JSON.createValue(number.longValue()));
            case Double number -> Optional.of(JSON.createValue(number));
            case String text when text.isEmpty() -> Optional.empty();
            case String text -> Optional.of(JSON.createValue(text));
            case Boolean bool -> Optional.of(bool ? JsonValue.TRUE : JsonValue.FALSE);
            case List<?> list when list.isEmpty() -> Optional.empty();
            case List<?> list -> Optional.of(JSON.createArrayBuilder(list.stream().map(Values::toText).toList()).build());
            default -> Optional.empty();
        };
    }
}
