package org.clusterlens.forms.expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable, parsed XLSForm expression. Obtain one from {@link ExpressionParser#parse(String)}.
 * Every {@code toString()} renders the tree as a fully parenthesised prefix form, e.g.
 * {@code (+ 1 (* 2 3))}, which makes precedence visible.
 */
public sealed interface Expression
        permits StringLiteral, NumberLiteral, Reference, CurrentValue, Negation, BinaryOperation, FunctionCall {

    /** Direct sub-expressions, in source order. */
    List<Expression> children();

    /** This node and all its descendants, depth first, in source order. */
    default Stream<Expression> nodes() {
        return Stream.concat(Stream.of(this), children().stream().flatMap(Expression::nodes));
    }

    /** Names used as {@code ${name}}, in order of first use. */
    default Set<String> references() {
        return nodes().filter(Reference.class::isInstance)
                .map(node -> ((Reference) node).name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    default List<Reference> referenceNodes() {
        return nodes().filter(Reference.class::isInstance).map(Reference.class::cast).toList();
    }

    /** Whether {@code .} (the answer being constrained) appears anywhere. */
    default boolean usesCurrentValue() {
        return nodes().anyMatch(CurrentValue.class::isInstance);
    }

    default List<FunctionCall> functionCalls() {
        return nodes().filter(FunctionCall.class::isInstance).map(FunctionCall.class::cast).toList();
    }

    /** Evaluates with the semantics documented on {@link Evaluator}. */
    default Object evaluate(EvaluationContext context) {
        return new Evaluator(context).evaluate(this);
    }
}
