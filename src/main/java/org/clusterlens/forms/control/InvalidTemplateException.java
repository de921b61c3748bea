package org.clusterlens.forms.control;

import java.util.List;

public class InvalidTemplateException extends RuntimeException {

    private final List<TemplateProblem> problems;

    public InvalidTemplateException(List<TemplateProblem> problems) {
        super(problems.size() + " problem(s) in template, first: "
                + (problems.isEmpty() ? "none" : problems.getFirst().pointer() + ": " + problems.getFirst().message()));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
