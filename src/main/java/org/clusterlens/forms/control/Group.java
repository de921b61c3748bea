package org.clusterlens.forms.control;

import java.util.List;
import java.util.Optional;

public record Group(String name, Optional<LocalizedText> label, Optional<String> relevant, List<Item> items)
        implements Item {

    public Group {
        items = List.copyOf(items);
    }
}
