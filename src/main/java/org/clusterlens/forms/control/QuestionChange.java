package org.clusterlens.forms.control;

import java.util.List;

/**
 * A question present in both versions whose definition differs.
 *
 * @param changedKeys keys whose values differ (e.g. label, type, choices, relevant), sorted; also
 *                    "repeat" when the question moved into, out of or between repeats
 */
public record QuestionChange(String name, List<String> changedKeys) {

    public QuestionChange {
        changedKeys = List.copyOf(changedKeys);
    }
}
