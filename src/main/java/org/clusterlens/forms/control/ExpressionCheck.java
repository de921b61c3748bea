package org.clusterlens.forms.control;

import org.clusterlens.forms.expression.BuiltInFunction;
import org.clusterlens.forms.expression.CurrentValue;
import org.clusterlens.forms.expression.Expression;
import org.clusterlens.forms.expression.ExpressionParser;
import org.clusterlens.forms.expression.ExpressionSyntaxException;
import org.clusterlens.forms.expression.FunctionCall;
import org.clusterlens.forms.expression.Reference;
import org.clusterlens.forms.expression.RegexDialect;
import org.clusterlens.forms.expression.StringLiteral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The expression half of validation, run once every name in the template is known. */
final class ExpressionCheck {

    private final Inspection inspection;
    private final Map<String, Declaration> declarations;

    ExpressionCheck(Inspection inspection, Map<String, Declaration> declarations) {
        this.inspection = inspection;
        this.declarations = declarations;
    }

    void check(List<ExpressionSite> sites) {
        Map<String, ExpressionSite> calculations = new LinkedHashMap<>();
        Map<String, Expression> parsedCalculations = new LinkedHashMap<>();
        for (ExpressionSite site : sites) {
            Expression expression;
            try {
                expression = ExpressionParser.parse(site.source());
            } catch (ExpressionSyntaxException e) {
                inspection.report(site.pointer(), "invalid expression: " + e.getMessage());
                continue;
            }
            checkNames(site, expression);
            if (site.key().equals("calculation") && site.owner().name() != null
                    && declarations.get(site.owner().name()) == site.owner()) {
                calculations.put(site.owner().name(), site);
                parsedCalculations.put(site.owner().name(), expression);
            }
        }
        new CalculationCycles(parsedCalculations).find().forEach(cycle -> inspection.report(
                calculations.get(cycle.getFirst()).pointer(), "calculation cycle: " + String.join(" → ", cycle)));
    }

    private void checkNames(ExpressionSite site, Expression expression) {
        Set<Reference> counted = new HashSet<>();
        for (FunctionCall call : expression.functionCalls()) {
            if (call.function() == BuiltInFunction.COUNT || call.function() == BuiltInFunction.SUM) {
                Reference argument = (Reference) call.arguments().getFirst();
                counted.add(argument);
                aggregate(site, call, argument);
            }
            if (call.function() == BuiltInFunction.INDEXED_REPEAT) {
                Reference repeat = (Reference) call.arguments().get(1);
                counted.add(repeat);
                Declaration target = declarations.get(repeat.name());
                if (target != null && target.kind() != Declaration.Kind.REPEAT) {
                    inspection.report(site.pointer(), "indexed-repeat() at position " + call.position()
                            + " needs a repeat second, but '" + repeat.name() + "' is not one");
                }
            }
            if (call.function() == BuiltInFunction.CHOICE_NAME
                    && call.arguments().get(1) instanceof StringLiteral question) {
                String name = question.value().strip().replaceAll("^\\$\\{(.*)}$", "$1");
                Declaration target = declarations.get(name);
                if (target == null || target.kind() != Declaration.Kind.QUESTION) {
                    inspection.report(site.pointer(), "jr:choice-name() at position " + call.position()
                            + " names '" + question.value() + "', which is not a question");
                }
            }
            if (call.function() == BuiltInFunction.REGEX && call.arguments().get(1) instanceof StringLiteral pattern) {
                RegexDialect.problem(pattern.value()).ifPresent(problem -> inspection.report(site.pointer(),
                        "regex() at position " + call.position() + ": " + problem));
            }
        }
        for (Reference reference : expression.referenceNodes()) {
            Declaration target = declarations.get(reference.name());
            if (target == null) {
                inspection.report(site.pointer(),
                        "unknown reference ${" + reference.name() + "} at position " + reference.position());
            } else if (target.kind() == Declaration.Kind.SECTION || target.kind() == Declaration.Kind.GROUP) {
                inspection.report(site.pointer(), "${" + reference.name() + "} at position " + reference.position()
                        + " is a " + target.kind().name().toLowerCase() + ", which has no answer");
            } else if (target.kind() == Declaration.Kind.REPEAT && !counted.contains(reference)) {
                inspection.report(site.pointer(), "${" + reference.name() + "} at position " + reference.position()
                        + " is a repeat; use count(${" + reference.name() + "})");
            }
        }
        if (!site.key().equals("constraint")) {
            expression.nodes().filter(CurrentValue.class::isInstance).map(CurrentValue.class::cast).findFirst()
                    .ifPresent(dot -> inspection.report(site.pointer(), "'.' at position " + dot.position()
                            + " is only allowed in a constraint"));
        }
    }

    private void aggregate(ExpressionSite site, FunctionCall call, Reference argument) {
        Declaration target = declarations.get(argument.name());
        if (target == null) {
            return;
        }
        if (call.function() == BuiltInFunction.COUNT && target.kind() != Declaration.Kind.REPEAT) {
            inspection.report(site.pointer(), "count() at position " + call.position()
                    + " needs a repeat, but '" + argument.name() + "' is not one");
        }
        if (call.function() == BuiltInFunction.SUM
                && (target.kind() != Declaration.Kind.QUESTION || target.repeat() == null)) {
            inspection.report(site.pointer(), "sum() at position " + call.position()
                    + " needs a question inside a repeat, but '" + argument.name() + "' is not one");
        }
    }

    /** Depth-first search over calculate questions that reference each other. */
    private record CalculationCycles(Map<String, Expression> calculations) {

        List<List<String>> find() {
            List<List<String>> cycles = new ArrayList<>();
            Set<Set<String>> reported = new HashSet<>();
            Set<String> finished = new HashSet<>();
            for (String start : calculations.keySet()) {
                visit(start, new ArrayList<>(), finished, cycles, reported);
            }
            return cycles;
        }

        private void visit(String name, List<String> path, Set<String> finished,
                           List<List<String>> cycles, Set<Set<String>> reported) {
            int onPath = path.indexOf(name);
            if (onPath >= 0) {
                List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
                if (reported.add(new TreeSet<>(cycle))) {
                    cycle.add(name);
                    cycles.add(cycle);
                }
                return;
            }
            if (finished.contains(name) || !calculations.containsKey(name)) {
                return;
            }
            path.add(name);
            for (String next : calculations.get(name).references()) {
                visit(next, path, finished, cycles, reported);
            }
            path.removeLast();
            finished.add(name);
        }
    }
}
