package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Objects;

public record StringLiteral(String value) implements Expression {

    public StringLiteral {
        Objects.requireNonNull(value);
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return "'" + value + "'";
    }
}
