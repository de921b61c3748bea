package org.clusterlens.forms.expression;

import java.util.List;

/** {@code .}, the answer of the question being constrained. */
public record CurrentValue(int position) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return ".";
    }
}
