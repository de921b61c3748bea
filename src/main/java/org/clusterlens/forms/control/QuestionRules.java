package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one question: common keys, then the keys its type adds. */
final class QuestionRules {

    private static final Pattern TAG = Pattern.compile("[a-z0-9_]+(:[a-z0-9_]+)?");
    private static final Set<String> ROW_KEYS = Set.of("name", "label");
    private static final Set<String> ACTOR_TYPES = Set.of("firm", "institution", "other");

    private final TemplateWalk walk;
    private final Inspection inspection;
    private final JsonObject question;
    private final String pointer;
    private final QuestionType type;
    private final String repeat;

    QuestionRules(TemplateWalk walk, Inspection inspection, JsonObject question, String pointer,
                  QuestionType type, String repeat) {
        this.walk = walk;
        this.inspection = inspection;
        this.question = question;
        this.pointer = pointer;
        this.type = type;
        this.repeat = repeat;
    }

    void check() {
        for (String key : question.keySet()) {
            if (QuestionType.ALL_EXTRA_KEYS.contains(key) && !type.accepts(key)) {
                inspection.report(Pointers.child(pointer, key),
                        "'" + key + "' does not apply to " + type.jsonName() + " questions");
            } else if (!type.accepts(key)) {
                inspection.report(Pointers.child(pointer, key), "unknown key '" + key + "'");
            }
        }
        Declaration declaration = walk.declare(question, pointer, Declaration.Kind.QUESTION, type, repeat);
        inspection.text(question, "label", pointer, type != QuestionType.CALCULATE);
        inspection.text(question, "hint", pointer, false);
        inspection.text(question, "constraintMessage", pointer, false);
        inspection.bool(question, "required", pointer);
        inspection.bool(question, "readOnly", pointer);
        walk.expression(question, "relevant", pointer, declaration, false);
        walk.expression(question, "constraint", pointer, declaration, false);
        tags();
        typeSpecific(declaration);
    }

    private void typeSpecific(Declaration declaration) {
        if (type.accepts("maxLength")) {
            inspection.wholeNumber(question, "maxLength", pointer, 1);
        }
        if (type.accepts("min")) {
            bounds();
        }
        Integer choiceCount = type.needsChoices() ? walk.choiceList(question, "choices", pointer) : null;
        if (type.accepts("other")) {
            inspection.bool(question, "other", pointer);
        }
        if (type.accepts("minSelected")) {
            Long min = inspection.wholeNumber(question, "minSelected", pointer, 0);
            Long max = inspection.wholeNumber(question, "maxSelected", pointer, 1);
            if (min != null && max != null && min > max) {
                inspection.report(Pointers.child(pointer, "maxSelected"), "maxSelected is less than minSelected");
            }
        }
        if (type.accepts("rankCount")) {
            Long rankCount = inspection.wholeNumber(question, "rankCount", pointer, 1);
            if (rankCount != null && choiceCount != null && rankCount > choiceCount) {
                inspection.report(Pointers.child(pointer, "rankCount"),
                        "rankCount " + rankCount + " is more than the " + choiceCount + " choices");
            }
        }
        if (type == QuestionType.MATRIX) {
            rows();
        }
        if (type == QuestionType.CALCULATE) {
            walk.expression(question, "calculation", pointer, declaration, true);
        }
        if (type == QuestionType.LINKAGE) {
            walk.choiceList(question, "relations", pointer);
            actorTypes();
        }
    }

    private void tags() {
        JsonValue value = question.get("tags");
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonArray tags)) {
            inspection.report(Pointers.child(pointer, "tags"), "'tags' must be a list of strings");
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            String tagPointer = Pointers.child(Pointers.child(pointer, "tags"), i);
            if (!(tags.get(i) instanceof JsonString tag)) {
                inspection.report(tagPointer, "a tag must be a string");
            } else if (!TAG.matcher(tag.getString()).matches()) {
                inspection.report(tagPointer, "malformed tag '" + tag.getString()
                        + "': use lower-case [a-z0-9_] words, optionally 'facet:value' such as 'profile:sector'");
            }
        }
    }

    private void actorTypes() {
        JsonValue value = question.get("actorTypes");
        if (value == null) {
            return;
        }
        String listPointer = Pointers.child(pointer, "actorTypes");
        if (!(value instanceof JsonArray types)) {
            inspection.report(listPointer, "'actorTypes' must be a list");
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!(types.get(i) instanceof JsonString type) || !ACTOR_TYPES.contains(type.getString())) {
                inspection.report(Pointers.child(listPointer, i), "an actor type is one of firm, institution, other");
            }
        }
    }

    private void rows() {
        JsonArray rows = inspection.array(question, "rows", pointer, true);
        if (rows == null) {
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String rowPointer = Pointers.child(Pointers.child(pointer, "rows"), i);
            JsonObject row = inspection.object(rows.get(i), rowPointer, "a row");
            if (row == null) {
                continue;
            }
            inspection.allowOnly(row, rowPointer, ROW_KEYS);
            String name = inspection.string(row, "name", rowPointer, true);
            String namePointer = Pointers.child(rowPointer, "name");
            if (name != null && !TemplateWalk.NAME.matcher(name).matches()) {
                inspection.report(namePointer, "invalid row name '" + name + "'");
            }
            if (name != null && seen.putIfAbsent(name, namePointer) != null) {
                inspection.report(namePointer, "duplicate row name '" + name + "'; first at " + seen.get(name));
            }
            inspection.text(row, "label", rowPointer, true);
        }
    }

    /** Checks min and max for a numeric or date question, including that min is not above max. */
    private void bounds() {
        if (type == QuestionType.DATE) {
            LocalDate min = date("min");
            LocalDate max = date("max");
            if (min != null && max != null && min.isAfter(max)) {
                inspection.report(Pointers.child(pointer, "max"), "max " + max + " is before min " + min);
            }
            return;
        }
        JsonNumber min = number("min");
        JsonNumber max = number("max");
        if (min != null && max != null && min.bigDecimalValue().compareTo(max.bigDecimalValue()) > 0) {
            inspection.report(Pointers.child(pointer, "max"), "max " + max + " is less than min " + min);
        }
    }

    private JsonNumber number(String key) {
        JsonNumber number = inspection.number(question, key, pointer);
        if (number != null && type == QuestionType.INTEGER && number.bigDecimalValue().stripTrailingZeros().scale() > 0) {
            inspection.report(Pointers.child(pointer, key), "'" + key + "' of an integer question must be a whole number");
            return null;
        }
        return number;
    }

    private LocalDate date(String key) {
        String text = inspection.string(question, key, pointer, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            inspection.report(Pointers.child(pointer, key), "'" + key + "' must be a date written YYYY-MM-DD");
            return null;
        }
    }
}
