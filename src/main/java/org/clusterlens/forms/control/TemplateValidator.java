package org.clusterlens.forms.control;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * Checks a template against docs/form-format.md and reports every problem found, never only the
 * first. Wrong JSON types are problems, not exceptions. Stateless and thread-safe.
 */
public class TemplateValidator {

    /** @return the problems in document order, then the expression problems; empty if valid */
    public List<TemplateProblem> validate(JsonObject template) {
        Inspection inspection = new Inspection();
        TemplateWalk walk = new TemplateWalk(inspection);
        walk.template(template);
        new ExpressionCheck(inspection, walk.declarations()).check(walk.expressions());
        return inspection.problems();
    }
}
