package org.clusterlens.forms.control;

import java.util.List;
import java.util.Optional;

/** One page of the respondent form. */
public record Section(String name, LocalizedText title, Optional<LocalizedText> description,
                      Optional<String> relevant, List<Item> items) {

    public Section {
        items = List.copyOf(items);
    }
}
