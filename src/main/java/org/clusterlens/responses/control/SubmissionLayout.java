package org.clusterlens.responses.control;

import org.clusterlens.forms.control.Group;
import org.clusterlens.forms.control.Item;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.control.Section;
import org.clusterlens.forms.control.TemplateModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where answers live in a submission: at the top level, or in the entries of a repeat. A level is
 * named by its repeat; the top level is {@code null}.
 */
final class SubmissionLayout {

    private final Map<String, String> enclosingRepeat = new HashMap<>();
    private final Map<String, List<Question>> questionsByLevel = new HashMap<>();
    private final Map<String, List<Repeat>> repeatsByLevel = new HashMap<>();
    private final Map<String, Set<String>> keysByLevel = new HashMap<>();
    private final Set<String> allKeys = new HashSet<>();
    private final Set<String> repeatNames = new HashSet<>();

    SubmissionLayout(TemplateModel template) {
        for (Section section : template.sections()) {
            index(section.items(), null);
        }
    }

    private void index(List<Item> items, String level) {
        for (Item item : items) {
            switch (item) {
                case Group group -> index(group.items(), level);
                case Repeat repeat -> {
                    enclosingRepeat.put(repeat.name(), level);
                    repeatNames.add(repeat.name());
                    repeatsByLevel.computeIfAbsent(level, key -> new ArrayList<>()).add(repeat);
                    key(level, repeat.name());
                    index(repeat.items(), repeat.name());
                }
                case Question question -> {
                    enclosingRepeat.put(question.name(), level);
                    questionsByLevel.computeIfAbsent(level, key -> new ArrayList<>()).add(question);
                    key(level, question.name());
                    if (question.other()) {
                        key(level, otherKey(question.name()));
                    }
                }
            }
        }
    }

    private void key(String level, String key) {
        keysByLevel.computeIfAbsent(level, name -> new HashSet<>()).add(key);
        allKeys.add(key);
    }

    static String otherKey(String questionName) {
        return questionName + "_other";
    }

    /** The repeat a question or repeat is directly in, or null at the top level. */
    String levelOf(String name) {
        return enclosingRepeat.get(name);
    }

    boolean isRepeat(String name) {
        return repeatNames.contains(name);
    }

    /** The repeats enclosing {@code level} and the level itself, outermost first; empty for the top. */
    List<String> path(String level) {
        List<String> path = new ArrayList<>();
        for (String repeat = level; repeat != null; repeat = enclosingRepeat.get(repeat)) {
            path.addFirst(repeat);
        }
        return path;
    }

    List<Question> questions(String level) {
        return questionsByLevel.getOrDefault(level, List.of());
    }

    List<Repeat> repeats(String level) {
        return repeatsByLevel.getOrDefault(level, List.of());
    }

    /** Whether an answer object at {@code level} may carry {@code key}. */
    boolean accepts(String level, String key) {
        return keysByLevel.getOrDefault(level, Set.of()).contains(key);
    }

    /** Whether {@code key} would be accepted at some level, just not the one it was sent at. */
    boolean acceptsElsewhere(String key) {
        return allKeys.contains(key);
    }
}
