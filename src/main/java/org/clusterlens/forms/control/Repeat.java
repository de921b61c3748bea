package org.clusterlens.forms.control;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A repeat: a fixed {@code count} of entries, entries counted by the {@code countFrom} expression,
 * or, with neither, entries the respondent adds, at most {@code maxCount}.
 */
public record Repeat(String name, LocalizedText label, Optional<String> relevant, List<Item> items,
                     OptionalInt count, Optional<String> countFrom, OptionalInt maxCount) implements Item {

    public Repeat {
        items = List.copyOf(items);
    }
}
