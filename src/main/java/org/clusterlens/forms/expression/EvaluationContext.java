package org.clusterlens.forms.expression;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** What an expression can see of the response being filled in. */
public interface EvaluationContext {

    /**
     * The answer to question {@code name} as the expression sees it: {@code null} or "" when
     * unanswered, a String, a Number, a Boolean, or a List of choice values. Inside a repeat entry,
     * the answer in the same entry.
     */
    Object answer(String name);

    /**
     * The answer of the question being constrained, for {@code .}; for a calculation, its value so
     * far, which {@code once()} keeps.
     */
    Object currentValue();

    /**
     * For a question inside a repeat, its answers across all entries; for a repeat, one element per
     * entry (the elements' values are not used); for a question outside any repeat, its one answer.
     */
    List<Object> repeatValues(String name);

    LocalDate today();

    /**
     * The moment for {@code now()}; its offset is the respondent's, in which date-times are shown.
     * By default midnight of {@link #today()} in UTC.
     */
    default OffsetDateTime now() {
        return today().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * The label of choice {@code value} of question {@code question} in the respondent's language,
     * for {@code jr:choice-name}; "" when the question has no such choice.
     */
    default String choiceLabel(String question, String value) {
        return "";
    }

    /** The 1-based number of the repeat entry the expression is evaluated in; 0 at the top level. */
    default int position() {
        return 0;
    }
}
