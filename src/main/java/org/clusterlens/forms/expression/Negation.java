package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Objects;

/** Unary minus. */
public record Negation(Expression operand) implements Expression {

    public Negation {
        Objects.requireNonNull(operand);
    }

    @Override
    public List<Expression> children() {
        return List.of(operand);
    }

    @Override
    public String toString() {
        return "(- " + operand + ")";
    }
}
