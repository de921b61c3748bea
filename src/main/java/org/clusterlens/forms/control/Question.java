package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * A question of a valid template.
 *
 * @param definition the question's JSON exactly as in the template, for type-specific keys
 * @param repeat     the innermost repeat the question is in, if any
 * @param ancestors  names of the enclosing section, groups and repeats, outermost first
 */
public record Question(String name, QuestionType type, JsonObject definition, Optional<String> repeat,
                       List<String> ancestors) implements Item {

    public Question {
        ancestors = List.copyOf(ancestors);
    }

    /** Absent only for calculate questions without a label. */
    public Optional<LocalizedText> label() {
        return text("label");
    }

    public Optional<LocalizedText> hint() {
        return text("hint");
    }

    public Optional<LocalizedText> constraintMessage() {
        return text("constraintMessage");
    }

    public boolean required() {
        return definition.get("required") == JsonValue.TRUE;
    }

    public boolean readOnly() {
        return definition.get("readOnly") == JsonValue.TRUE;
    }

    /** Whether an "other" choice with a specify field is added. */
    public boolean other() {
        return definition.get("other") == JsonValue.TRUE;
    }

    @Override
    public Optional<String> relevant() {
        return string("relevant");
    }

    public Optional<String> constraint() {
        return string("constraint");
    }

    public Optional<String> calculation() {
        return string("calculation");
    }

    /** The name of the choice list: {@code choices}, or {@code relations} for a linkage question. */
    public Optional<String> choiceList() {
        return type == QuestionType.LINKAGE ? string("relations") : string("choices");
    }

    public List<String> tags() {
        return definition.get("tags") instanceof JsonArray tags
                ? tags.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }

    /** A numeric key such as min, max, maxLength, rankCount, minSelected, maxSelected. */
    public Optional<JsonNumber> number(String key) {
        return definition.get(key) instanceof JsonNumber number ? Optional.of(number) : Optional.empty();
    }

    public Optional<String> string(String key) {
        return definition.get(key) instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private Optional<LocalizedText> text(String key) {
        return definition.get(key) instanceof JsonObject text ? Optional.of(TemplateModel.text(text)) : Optional.empty();
    }
}
