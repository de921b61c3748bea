package org.clusterlens.forms.control;

import java.util.List;
import java.util.Optional;

public record ChoiceList(String name, List<Choice> choices) {

    public ChoiceList {
        choices = List.copyOf(choices);
    }

    public List<String> values() {
        return choices.stream().map(Choice::value).toList();
    }

    public Optional<Choice> choice(String value) {
        return choices.stream().filter(choice -> choice.value().equals(value)).findFirst();
    }
}
