package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Objects;

public record BinaryOperation(Operator operator, Expression left, Expression right) implements Expression {

    public BinaryOperation {
        Objects.requireNonNull(operator);
        Objects.requireNonNull(left);
        Objects.requireNonNull(right);
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public String toString() {
        return "(" + operator.symbol() + " " + left + " " + right + ")";
    }
}
