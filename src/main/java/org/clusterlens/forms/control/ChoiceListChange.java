package org.clusterlens.forms.control;

import java.util.List;

/**
 * A choice list present in both versions whose options differ.
 *
 * @param labelsChanged values kept whose label changed
 * @param reordered     whether the values kept appear in a different order
 */
public record ChoiceListChange(String name, List<String> valuesAdded, List<String> valuesRemoved,
                               List<String> labelsChanged, boolean reordered) {

    public ChoiceListChange {
        valuesAdded = List.copyOf(valuesAdded);
        valuesRemoved = List.copyOf(valuesRemoved);
        labelsChanged = List.copyOf(labelsChanged);
    }
}
