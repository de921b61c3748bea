package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of a template, by question name and choice list name. Works on
 * raw documents, so a draft that does not validate yet can still be compared; parts that are not
 * shaped as the format says are ignored.
 */
public record TemplateDiff(List<String> questionsAdded, List<String> questionsRemoved,
                           List<QuestionChange> questionsChanged, List<String> choiceListsAdded,
                           List<String> choiceListsRemoved, List<ChoiceListChange> choiceListsChanged) {

    public TemplateDiff {
        questionsAdded = List.copyOf(questionsAdded);
        questionsRemoved = List.copyOf(questionsRemoved);
        questionsChanged = List.copyOf(questionsChanged);
        choiceListsAdded = List.copyOf(choiceListsAdded);
        choiceListsRemoved = List.copyOf(choiceListsRemoved);
        choiceListsChanged = List.copyOf(choiceListsChanged);
    }

    public static TemplateDiff between(JsonObject before, JsonObject after) {
        Map<String, Located> oldQuestions = questions(before);
        Map<String, Located> newQuestions = questions(after);
        List<QuestionChange> changed = new ArrayList<>();
        oldQuestions.forEach((name, old) -> {
            Located current = newQuestions.get(name);
            if (current != null) {
                List<String> keys = changedKeys(old.definition(), current.definition());
                if (!Objects.equals(old.repeat(), current.repeat())) {
                    keys.add("repeat");
                }
                if (!keys.isEmpty()) {
                    changed.add(new QuestionChange(name, keys.stream().sorted().toList()));
                }
            }
        });
        Map<String, JsonArray> oldLists = choiceLists(before);
        Map<String, JsonArray> newLists = choiceLists(after);
        List<ChoiceListChange> listChanges = new ArrayList<>();
        oldLists.forEach((name, old) -> {
            JsonArray current = newLists.get(name);
            if (current != null && !old.equals(current)) {
                listChanges.add(choiceListChange(name, old, current));
            }
        });
        return new TemplateDiff(missingFrom(newQuestions.keySet(), oldQuestions),
                missingFrom(oldQuestions.keySet(), newQuestions), changed,
                missingFrom(newLists.keySet(), oldLists), missingFrom(oldLists.keySet(), newLists),
                listChanges);
    }

    /** Whether anything at all differs in questions or choice lists. */
    public boolean hasChanges() {
        return !(questionsAdded.isEmpty() && questionsRemoved.isEmpty() && questionsChanged.isEmpty()
                && choiceListsAdded.isEmpty() && choiceListsRemoved.isEmpty() && choiceListsChanged.isEmpty());
    }

    private record Located(JsonObject definition, String repeat) {
    }

    private static List<String> missingFrom(Set<String> names, Map<String, ?> other) {
        return names.stream().filter(name -> !other.containsKey(name)).toList();
    }

    private static List<String> changedKeys(JsonObject before, JsonObject after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return new ArrayList<>(keys.stream().filter(key -> !Objects.equals(before.get(key), after.get(key))).toList());
    }

    private static Map<String, Located> questions(JsonObject template) {
        Map<String, Located> questions = new LinkedHashMap<>();
        if (template.get("sections") instanceof JsonArray sections) {
            for (JsonValue section : sections) {
                if (section instanceof JsonObject object) {
                    collect(object.get("items"), null, questions);
                }
            }
        }
        return questions;
    }

    private static void collect(JsonValue items, String repeat, Map<String, Located> questions) {
        if (!(items instanceof JsonArray array)) {
            return;
        }
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject item) || !(item.get("name") instanceof JsonString name)) {
                continue;
            }
            String type = item.get("type") instanceof JsonString string ? string.getString() : "";
            switch (type) {
                case "group" -> collect(item.get("items"), repeat, questions);
                case "repeat" -> collect(item.get("items"), name.getString(), questions);
                default -> questions.putIfAbsent(name.getString(), new Located(item, repeat));
            }
        }
    }

    private static Map<String, JsonArray> choiceLists(JsonObject template) {
        Map<String, JsonArray> lists = new LinkedHashMap<>();
        if (template.get("choiceLists") instanceof JsonObject object) {
            object.forEach((name, list) -> {
                if (list instanceof JsonArray array) {
                    lists.put(name, array);
                }
            });
        }
        return lists;
    }

    private static ChoiceListChange choiceListChange(String name, JsonArray before, JsonArray after) {
        Map<String, JsonValue> oldLabels = labelsByValue(before);
        Map<String, JsonValue> newLabels = labelsByValue(after);
        List<String> relabelled = oldLabels.keySet().stream()
                .filter(value -> newLabels.containsKey(value) && !Objects.equals(oldLabels.get(value), newLabels.get(value)))
                .toList();
        List<String> oldOrder = oldLabels.keySet().stream().filter(newLabels::containsKey).toList();
        List<String> newOrder = newLabels.keySet().stream().filter(oldLabels::containsKey).toList();
        return new ChoiceListChange(name, missingFrom(newLabels.keySet(), oldLabels),
                missingFrom(oldLabels.keySet(), newLabels), relabelled, !oldOrder.equals(newOrder));
    }

    private static Map<String, JsonValue> labelsByValue(JsonArray choices) {
        Map<String, JsonValue> labels = new LinkedHashMap<>();
        for (JsonValue choice : choices) {
            if (choice instanceof JsonObject object && object.get("value") instanceof JsonString value) {
                labels.putIfAbsent(value.getString(), object.getOrDefault("label", JsonValue.NULL));
            }
        }
        return labels;
    }
}
