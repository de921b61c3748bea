package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The structural half of validation: keys, types, names, texts; collects expressions for later. */
final class TemplateWalk {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern CHOICE_VALUE = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final Set<String> TEMPLATE_KEYS = Set.of("id", "title", "description", "languages",
            "defaultLanguage", "choiceLists", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("name", "title", "description", "relevant", "items");
    private static final Set<String> GROUP_KEYS = Set.of("type", "name", "label", "relevant", "items");
    private static final Set<String> REPEAT_KEYS = Set.of("type", "name", "label", "relevant", "items",
            "count", "countFrom", "maxCount");
    private static final Set<String> CHOICE_KEYS = Set.of("value", "label");

    private final Inspection inspection;
    private final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final List<ExpressionSite> expressions = new ArrayList<>();
    private final Map<String, Integer> choiceListSizes = new HashMap<>();
    private boolean choiceListsReadable = true;

    TemplateWalk(Inspection inspection) {
        this.inspection = inspection;
    }

    Map<String, Declaration> declarations() {
        return declarations;
    }

    List<ExpressionSite> expressions() {
        return expressions;
    }

    void template(JsonObject template) {
        inspection.allowOnly(template, "", TEMPLATE_KEYS);
        String id = inspection.string(template, "id", "", true);
        if (id != null && !ID.matcher(id).matches()) {
            inspection.report("/id", "invalid id '" + id + "': use 2 to 64 lower-case letters, digits and '-'");
        }
        List<String> languages = languages(template);
        String defaultLanguage = inspection.string(template, "defaultLanguage", "", true);
        if (defaultLanguage != null && !languages.isEmpty() && !languages.contains(defaultLanguage)) {
            inspection.report("/defaultLanguage", "defaultLanguage '" + defaultLanguage + "' is not one of languages");
        }
        inspection.text(template, "title", "", true);
        inspection.text(template, "description", "", false);
        choiceLists(template.get("choiceLists"));
        JsonArray sections = inspection.array(template, "sections", "", true);
        if (sections != null) {
            for (int i = 0; i < sections.size(); i++) {
                section(sections.get(i), Pointers.child("/sections", i));
            }
        }
    }

    private List<String> languages(JsonObject template) {
        JsonArray array = inspection.array(template, "languages", "", true);
        Set<String> languages = new LinkedHashSet<>();
        if (array == null) {
            return List.of();
        }
        for (int i = 0; i < array.size(); i++) {
            String pointer = Pointers.child("/languages", i);
            if (!(array.get(i) instanceof JsonString string) || !LANGUAGE.matcher(string.getString()).matches()) {
                inspection.report(pointer, "a language must be a BCP 47 code such as \"en\" or \"fr\"");
            } else if (!languages.add(string.getString())) {
                inspection.report(pointer, "language '" + string.getString() + "' is listed twice");
            }
        }
        inspection.languages(List.copyOf(languages));
        return List.copyOf(languages);
    }

    private void choiceLists(JsonValue value) {
        if (value == null) {
            return;
        }
        JsonObject lists = inspection.object(value, "/choiceLists", "'choiceLists'");
        if (lists == null) {
            choiceListsReadable = false;
            return;
        }
        for (Map.Entry<String, JsonValue> entry : lists.entrySet()) {
            String pointer = Pointers.child("/choiceLists", entry.getKey());
            if (!NAME.matcher(entry.getKey()).matches()) {
                inspection.report(pointer, "invalid choice list name '" + entry.getKey()
                        + "': use letters, digits and _, not starting with a digit");
            }
            if (!(entry.getValue() instanceof JsonArray choices)) {
                inspection.report(pointer, "a choice list must be a list of choices");
                choiceListSizes.put(entry.getKey(), 0);
                continue;
            }
            if (choices.isEmpty()) {
                inspection.report(pointer, "choice list '" + entry.getKey() + "' is empty");
            }
            choiceListSizes.put(entry.getKey(), choices.size());
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < choices.size(); i++) {
                choice(choices.get(i), Pointers.child(pointer, i), seen);
            }
        }
    }

    private void choice(JsonValue value, String pointer, Map<String, String> seen) {
        JsonObject choice = inspection.object(value, pointer, "a choice");
        if (choice == null) {
            return;
        }
        inspection.allowOnly(choice, pointer, CHOICE_KEYS);
        String choiceValue = inspection.string(choice, "value", pointer, true);
        String valuePointer = Pointers.child(pointer, "value");
        if (choiceValue != null) {
            if (!CHOICE_VALUE.matcher(choiceValue).matches()) {
                inspection.report(valuePointer, "invalid choice value '" + choiceValue
                        + "': use letters, digits, '_', '.' and '-'");
            }
            String first = seen.putIfAbsent(choiceValue, valuePointer);
            if (first != null) {
                inspection.report(valuePointer, "duplicate choice value '" + choiceValue + "'; first at " + first);
            }
        }
        inspection.text(choice, "label", pointer, true);
    }

    private void section(JsonValue value, String pointer) {
        JsonObject section = inspection.object(value, pointer, "a section");
        if (section == null) {
            return;
        }
        inspection.allowOnly(section, pointer, SECTION_KEYS);
        Declaration declaration = declare(section, pointer, Declaration.Kind.SECTION, null, null);
        inspection.text(section, "title", pointer, true);
        inspection.text(section, "description", pointer, false);
        expression(section, "relevant", pointer, declaration, false);
        items(section, pointer, null);
    }

    private void items(JsonObject container, String pointer, String repeat) {
        JsonArray items = inspection.array(container, "items", pointer, true);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                item(items.get(i), Pointers.child(Pointers.child(pointer, "items"), i), repeat);
            }
        }
    }

    private void item(JsonValue value, String pointer, String repeat) {
        JsonObject item = inspection.object(value, pointer, "an item");
        if (item == null) {
            return;
        }
        String type = inspection.string(item, "type", pointer, true);
        if (type == null) {
            declare(item, pointer, Declaration.Kind.QUESTION, null, repeat);
            return;
        }
        switch (type) {
            case "group" -> group(item, pointer, repeat);
            case "repeat" -> repeat(item, pointer, repeat);
            default -> QuestionType.fromJson(type).ifPresentOrElse(
                    questionType -> new QuestionRules(this, inspection, item, pointer, questionType, repeat).check(),
                    () -> {
                        inspection.report(Pointers.child(pointer, "type"), "unknown question type '" + type + "'");
                        declare(item, pointer, Declaration.Kind.QUESTION, null, repeat);
                    });
        }
    }

    private void group(JsonObject group, String pointer, String repeat) {
        inspection.allowOnly(group, pointer, GROUP_KEYS);
        Declaration declaration = declare(group, pointer, Declaration.Kind.GROUP, null, repeat);
        inspection.text(group, "label", pointer, false);
        expression(group, "relevant", pointer, declaration, false);
        items(group, pointer, repeat);
    }

    private void repeat(JsonObject repeat, String pointer, String outerRepeat) {
        inspection.allowOnly(repeat, pointer, REPEAT_KEYS);
        Declaration declaration = declare(repeat, pointer, Declaration.Kind.REPEAT, null, outerRepeat);
        inspection.text(repeat, "label", pointer, true);
        expression(repeat, "relevant", pointer, declaration, false);
        Long count = inspection.wholeNumber(repeat, "count", pointer, 1);
        expression(repeat, "countFrom", pointer, declaration, false);
        inspection.wholeNumber(repeat, "maxCount", pointer, 1);
        if (count != null && repeat.containsKey("countFrom")) {
            inspection.report(Pointers.child(pointer, "countFrom"), "a repeat has 'count' or 'countFrom', not both");
        }
        if (repeat.containsKey("maxCount") && (repeat.containsKey("count") || repeat.containsKey("countFrom"))) {
            inspection.report(Pointers.child(pointer, "maxCount"),
                    "'maxCount' only applies to a repeat without 'count' or 'countFrom'");
        }
        items(repeat, pointer, declaration.name() == null ? outerRepeat : declaration.name());
    }

    Declaration declare(JsonObject item, String pointer, Declaration.Kind kind, QuestionType type, String repeat) {
        String name = inspection.string(item, "name", pointer, true);
        String namePointer = Pointers.child(pointer, "name");
        Declaration declaration = new Declaration(name, namePointer, kind, type, repeat);
        if (name == null) {
            return declaration;
        }
        if (!NAME.matcher(name).matches()) {
            inspection.report(namePointer, "invalid name '" + name
                    + "': use letters, digits and _, not starting with a digit, at most 64 characters");
        }
        Declaration first = declarations.putIfAbsent(name, declaration);
        if (first != null) {
            inspection.report(namePointer, "duplicate name '" + name + "'; first used at " + first.pointer());
        }
        return declaration;
    }

    void expression(JsonObject owner, String key, String pointer, Declaration declaration, boolean required) {
        String source = inspection.string(owner, key, pointer, required);
        if (source != null) {
            expressions.add(new ExpressionSite(Pointers.child(pointer, key), source, key, declaration));
        }
    }

    /** @return the size of the named list, or null if there is no usable name */
    Integer choiceList(JsonObject question, String key, String pointer) {
        String name = inspection.string(question, key, pointer, true);
        if (name == null || !choiceListsReadable) {
            return null;
        }
        Integer size = choiceListSizes.get(name);
        if (size == null) {
            inspection.report(Pointers.child(pointer, key), "choice list '" + name + "' is not defined");
        }
        return size;
    }
}
