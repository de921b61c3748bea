package org.clusterlens.forms.expression;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A call of a built-in function; {@code position} is the offset of the function name. */
public record FunctionCall(BuiltInFunction function, List<Expression> arguments, int position) implements Expression {

    public FunctionCall {
        Objects.requireNonNull(function);
        arguments = List.copyOf(arguments);
    }

    public String name() {
        return function.functionName();
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public String toString() {
        return arguments.stream().map(Expression::toString)
                .collect(Collectors.joining(" ", "(" + name() + (arguments.isEmpty() ? "" : " "), ")"));
    }
}
