package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Objects;

/** {@code ${name}}; {@code position} is the offset of its {@code $} in the source. */
public record Reference(String name, int position) implements Expression {

    public Reference {
        Objects.requireNonNull(name);
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return "${" + name + "}";
    }
}
