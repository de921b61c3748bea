package org.clusterlens.forms.expression;

import java.time.LocalDate;
import java.util.List;

/** What an expression can see of the response being filled in. */
public interface EvaluationContext {

    /**
     * The answer to question {@code name} as the expression sees it: {@code null} or "" when
     * unanswered, a String, a Number, a Boolean, or a List of choice values. Inside a repeat entry,
     * the answer in the same entry.
     */
    Object answer(String name);

    /** The answer of the question being constrained, for {@code .}. */
    Object currentValue();

    /**
     * For a question inside a repeat, its answers across all entries; for a repeat, one element per
     * entry (the elements' values are not used).
     */
    List<Object> repeatValues(String name);

    LocalDate today();
}
