package org.clusterlens.forms.control;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Question types and the keys each accepts beyond the common ones. */
public enum QuestionType {
    TEXT("text", "maxLength"),
    LONG_TEXT("long_text", "maxLength"),
    INTEGER("integer", "min", "max"),
    DECIMAL("decimal", "min", "max"),
    DATE("date", "min", "max"),
    YES_NO("yes_no"),
    SELECT_ONE("select_one", "choices", "other"),
    SELECT_MULTIPLE("select_multiple", "choices", "other", "minSelected", "maxSelected"),
    RANK("rank", "choices", "rankCount"),
    LIKERT("likert", "choices", "other"),
    MATRIX("matrix", "rows", "choices"),
    NOTE("note"),
    CALCULATE("calculate", "calculation"),
    GEOPOINT("geopoint"),
    LINKAGE("linkage", "relations", "actorTypes");

    static final Set<String> COMMON_KEYS = Set.of("type", "name", "label", "hint", "required", "relevant",
            "constraint", "constraintMessage", "readOnly", "tags");

    static final Set<String> ALL_EXTRA_KEYS = Arrays.stream(values())
            .flatMap(type -> type.extraKeys.stream()).collect(Collectors.toUnmodifiableSet());

    private final String jsonName;
    private final Set<String> extraKeys;

    QuestionType(String jsonName, String... extraKeys) {
        this.jsonName = jsonName;
        this.extraKeys = Set.of(extraKeys);
    }

    public static Optional<QuestionType> fromJson(String name) {
        return Arrays.stream(values()).filter(type -> type.jsonName.equals(name)).findFirst();
    }

    /** The name used in the template's {@code type} key. */
    public String jsonName() {
        return jsonName;
    }

    public Set<String> extraKeys() {
        return extraKeys;
    }

    public boolean accepts(String key) {
        return COMMON_KEYS.contains(key) || extraKeys.contains(key);
    }

    public boolean needsChoices() {
        return extraKeys.contains("choices");
    }

    /** Whether answers are kept; notes only display text. */
    public boolean hasAnswer() {
        return this != NOTE;
    }
}
