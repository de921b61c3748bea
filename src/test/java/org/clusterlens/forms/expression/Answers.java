package org.clusterlens.forms.expression;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A response for tests: answers by name, repeat values by name, a current value, a fixed today. */
final class Answers implements EvaluationContext {

    private final Map<String, Object> answers = new HashMap<>();
    private final Map<String, List<Object>> repeats = new HashMap<>();
    private Object current;

    static Answers none() {
        return new Answers();
    }

    Answers with(String name, Object answer) {
        answers.put(name, answer);
        return this;
    }

    Answers withRepeat(String name, Object... values) {
        repeats.put(name, List.of(values));
        return this;
    }

    Answers withCurrent(Object value) {
        current = value;
        return this;
    }

    @Override
    public Object answer(String name) {
        return answers.get(name);
    }

    @Override
    public Object currentValue() {
        return current;
    }

    @Override
    public List<Object> repeatValues(String name) {
        return repeats.getOrDefault(name, List.of());
    }

    @Override
    public LocalDate today() {
        return LocalDate.of(2025, 3, 14);
    }

    Object eval(String source) {
        return ExpressionParser.parse(source).evaluate(this);
    }
}
