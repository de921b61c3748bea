package org.clusterlens.forms.expression;

import java.util.List;

public record NumberLiteral(double value) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return Values.toText(value);
    }
}
