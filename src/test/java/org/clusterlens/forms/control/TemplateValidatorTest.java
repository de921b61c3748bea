package org.clusterlens.forms.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.clusterlens.forms.control.Documents.LABEL;
import static org.clusterlens.forms.control.Documents.parse;
import static org.clusterlens.forms.control.Documents.withItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator();

    private static String describe(List<TemplateProblem> problems) {
        return problems.stream().map(p -> p.pointer() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    /** Asserts a problem at exactly {@code pointer} whose message contains {@code fragment}. */
    private static void assertProblem(List<TemplateProblem> problems, String pointer, String fragment) {
        if (problems.stream().noneMatch(p -> p.pointer().equals(pointer) && p.message().contains(fragment))) {
            fail("no problem at '" + pointer + "' mentioning \"" + fragment + "\" among:\n" + describe(problems));
        }
    }

    private List<TemplateProblem> problemsWithItems(String items) {
        return validator.validate(withItems(items));
    }

    @Test
    void realisticTemplateHasNoProblems() {
        List<TemplateProblem> problems = validator.validate(Documents.fixture("firm-diagnostic.json"));
        assertTrue(problems.isEmpty(), describe(problems));
    }

    @Test
    void minimalTemplateHasNoProblems() {
        List<TemplateProblem> problems = problemsWithItems("{\"type\": \"text\", \"name\": \"q\", " + LABEL + "}");
        assertTrue(problems.isEmpty(), describe(problems));
    }

    @Test
    void missingRequiredKeysAreReportedAtTheObjectLackingThem() {
        List<TemplateProblem> problems = validator.validate(parse("{}"));
        for (String key : List.of("id", "title", "languages", "defaultLanguage", "sections")) {
            assertProblem(problems, "", "missing '" + key + "'");
        }
        List<TemplateProblem> itemProblems = problemsWithItems("{\"type\": \"text\"}");
        assertProblem(itemProblems, "/sections/0/items/0", "missing 'name'");
        assertProblem(itemProblems, "/sections/0/items/0", "missing 'label'");
    }

    @Test
    void wrongJsonTypesAreReportedWithTheirPointerInsteadOfThrown() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", "label": "Name", "required": "yes", "maxLength": "5",
                 "tags": "trust", "relevant": true},
                "not an item",
                {"type": 3, "name": "r", %s}
                """.formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/label", "must be an object with one text per language");
        assertProblem(problems, "/sections/0/items/0/required", "must be true or false");
        assertProblem(problems, "/sections/0/items/0/maxLength", "must be a whole number");
        assertProblem(problems, "/sections/0/items/0/tags", "must be a list");
        assertProblem(problems, "/sections/0/items/0/relevant", "must be a string");
        assertProblem(problems, "/sections/0/items/1", "must be an object");
        assertProblem(problems, "/sections/0/items/2/type", "must be a string");
        List<TemplateProblem> topLevel = validator.validate(parse("""
                {"id": 7, "title": {"en": 1}, "languages": "en", "defaultLanguage": "en", "sections": {}}"""));
        assertProblem(topLevel, "/id", "must be a string");
        assertProblem(topLevel, "/languages", "must be a list");
        assertProblem(topLevel, "/sections", "must be a list");
        assertProblem(topLevel, "/title/en", "must be a string");
    }

    @Test
    void unknownKeysAreReportedAnywhere() {
        JsonText template = new JsonText("""
                {"id": "test-form", "title": {"en": "T"}, "languages": ["en"], "defaultLanguage": "en",
                 "requried": true,
                 "choiceLists": {"l": [{"value": "a", "label": {"en": "A"}, "colour": "red"}]},
                 "sections": [{"name": "s", "title": {"en": "S"}, "pages": 2, "items": [
                   {"type": "text", "name": "q", "label": {"en": "Q"}, "requried": true},
                   {"type": "matrix", "name": "m", "label": {"en": "M"}, "choices": "l",
                    "rows": [{"name": "r", "label": {"en": "R"}, "weight": 1}]},
                   {"type": "group", "name": "g", "hint": {"en": "H"}, "items": [
                     {"type": "note", "name": "n", "label": {"en": "N"}}]}
                 ]}]}""");
        List<TemplateProblem> problems = validator.validate(template.object());
        assertProblem(problems, "/requried", "unknown key 'requried'");
        assertProblem(problems, "/choiceLists/l/0/colour", "unknown key");
        assertProblem(problems, "/sections/0/pages", "unknown key");
        assertProblem(problems, "/sections/0/items/0/requried", "unknown key");
        assertProblem(problems, "/sections/0/items/1/rows/0/weight", "unknown key");
        assertProblem(problems, "/sections/0/items/2/hint", "unknown key");
        assertEquals(6, problems.size(), describe(problems));
    }

    @Test
    void keyBelongingToAnotherTypeIsReportedAsNotApplicable() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", %s, "min": 1, "choices": "yn"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/min", "'min' does not apply to text questions");
        assertProblem(problems, "/sections/0/items/0/choices", "'choices' does not apply to text questions");
    }

    @Test
    void invalidIdAndNamesAreReported() {
        JsonText template = new JsonText(withItems("""
                {"type": "text", "name": "2nd", %s},
                {"type": "text", "name": "has space", %s},
                {"type": "text", "name": "%s", %s}""".formatted(LABEL, LABEL, "x".repeat(65), LABEL)).toString())
                .with("\"id\":\"test-form\"", "\"id\":\"Test_Form\"");
        List<TemplateProblem> problems = validator.validate(template.object());
        assertProblem(problems, "/id", "invalid id 'Test_Form'");
        assertProblem(problems, "/sections/0/items/0/name", "invalid name '2nd'");
        assertProblem(problems, "/sections/0/items/1/name", "invalid name 'has space'");
        assertProblem(problems, "/sections/0/items/2/name", "at most 64 characters");
    }

    @Test
    void duplicateNamePointsAtTheSecondUseAndNamesTheFirst() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", %s},
                {"type": "group", "name": "g", "items": [{"type": "integer", "name": "q", %s}]},
                {"type": "note", "name": "s", %s}""".formatted(LABEL, LABEL, LABEL));
        assertProblem(problems, "/sections/0/items/1/items/0/name",
                "duplicate name 'q'; first used at /sections/0/items/0/name");
        assertProblem(problems, "/sections/0/items/2/name", "duplicate name 's'; first used at /sections/0/name");
    }

    @Test
    void unknownReferenceIsReportedWithItsPosition() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "age", %s, "relevant": "${agee} > 18"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/relevant", "unknown reference ${agee} at position 0");
    }

    @Test
    void syntaxErrorIsReportedWithItsPositionInTheExpression() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "age", %s, "constraint": "(. > 1 and . < 5"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/constraint", "expected ')' at position 16");
    }

    @Test
    void unknownFunctionAndWrongArgumentCountAreReportedWithPositions() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "a", %s, "relevant": "lenght('x') > 1"},
                {"type": "integer", "name": "b", %s, "relevant": "1 = if(${a} > 1, 2)"}""".formatted(LABEL, LABEL));
        assertProblem(problems, "/sections/0/items/0/relevant", "unknown function 'lenght' at position 0");
        assertProblem(problems, "/sections/0/items/1/relevant", "if() takes 3 arguments, not 2 at position 4");
    }

    @Test
    void odkFunctionThatCannotBeHonouredIsRefusedWithItsReasonAtItsSite() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "calculate", "name": "price", "calculation": "pulldata('prices', 'p', 'k', ${k})"},
                {"type": "text", "name": "k", %s, "relevant": "random() < 0.5"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/calculation",
                "function 'pulldata' is not supported: it reads a CSV attached to the form");
        assertProblem(problems, "/sections/0/items/1/relevant", "function 'random' is not supported");
    }

    @Test
    void collectFunctionsOfEveryFamilyAreAccepted() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "date", "name": "d", %1$s, "constraint": ". > today() - 30 and . <= today()"},
                {"type": "select_one", "name": "fruit", "choices": "yn", %1$s},
                {"type": "repeat", "name": "r", %1$s, "items": [
                  {"type": "text", "name": "who", %1$s},
                  {"type": "calculate", "name": "n", "calculation": "position(..)"},
                  {"type": "calculate", "name": "prev", "calculation": "indexed-repeat(${who}, ${r}, position(..) - 1)"}]},
                {"type": "calculate", "name": "c", "calculation":
                  "concat(jr:choice-name(${fruit}, '${fruit}'), format-date(${d}, '%%e %%b'), once(uuid()), max(${n}), \
                   join(', ', ${who}), count-non-empty(${who}), distance('0 0; 0 1'), substr(${who}, 0, 1))"}""".formatted(LABEL));
        assertTrue(problems.stream().noneMatch(p -> p.pointer().startsWith("/sections")), describe(problems));
    }

    @Test
    void choiceNameMustNameAQuestionAndIndexedRepeatARepeat() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "t", %s},
                {"type": "calculate", "name": "c", "calculation": "jr:choice-name(${t}, '${nope}')"},
                {"type": "calculate", "name": "e", "calculation": "indexed-repeat(${t}, ${t}, 1)"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/1/calculation", "names '${nope}', which is not a question");
        assertProblem(problems, "/sections/0/items/2/calculation", "needs a repeat second, but 't' is not one");
    }

    @Test
    void currentValueIsOnlyAllowedInAConstraint() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "a", %s, "relevant": ". > 1", "constraint": ". > 1"},
                {"type": "calculate", "name": "c", "calculation": "1 + ."}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/relevant", "'.' at position 0 is only allowed in a constraint");
        assertProblem(problems, "/sections/0/items/1/calculation", "'.' at position 4");
        assertEquals(2, problems.size(), describe(problems));
    }

    @Test
    void calculationCycleIsReportedWithItsPath() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "calculate", "name": "a", "calculation": "${b} + 1"},
                {"type": "calculate", "name": "b", "calculation": "${c} * 2"},
                {"type": "calculate", "name": "c", "calculation": "${a} - ${d}"},
                {"type": "calculate", "name": "d", "calculation": "1"},
                {"type": "calculate", "name": "e", "calculation": "${e}"}""");
        assertProblem(problems, "/sections/0/items/0/calculation", "calculation cycle: a → b → c → a");
        assertProblem(problems, "/sections/0/items/4/calculation", "calculation cycle: e → e");
        assertEquals(2, problems.size(), describe(problems));
    }

    @Test
    void missingAndEmptyChoiceListsAreReported() {
        JsonText template = new JsonText(withItems("""
                {"type": "select_one", "name": "a", %s, "choices": "colours"},
                {"type": "select_multiple", "name": "b", %s, "choices": "empty"}""".formatted(LABEL, LABEL)).toString())
                .with("\"choiceLists\":{", "\"choiceLists\":{\"empty\":[],");
        List<TemplateProblem> problems = validator.validate(template.object());
        assertProblem(problems, "/sections/0/items/0/choices", "choice list 'colours' is not defined");
        assertProblem(problems, "/choiceLists/empty", "choice list 'empty' is empty");
    }

    @Test
    void duplicateAndMalformedChoiceValuesAreReported() {
        List<TemplateProblem> problems = validator.validate(parse("""
                {"id": "t-1", "title": {"en": "T"}, "languages": ["en"], "defaultLanguage": "en",
                 "choiceLists": {"l": [{"value": "a", "label": {"en": "A"}}, {"value": "b c", "label": {"en": "B"}},
                                       {"value": "a", "label": {"en": "A again"}}, {"value": 4, "label": {"en": "4"}}]},
                 "sections": [{"name": "s", "title": {"en": "S"}, "items": [
                   {"type": "select_one", "name": "q", "label": {"en": "Q"}, "choices": "l"}]}]}"""));
        assertProblem(problems, "/choiceLists/l/2/value", "duplicate choice value 'a'; first at /choiceLists/l/0/value");
        assertProblem(problems, "/choiceLists/l/1/value", "invalid choice value 'b c'");
        assertProblem(problems, "/choiceLists/l/3/value", "must be a string");
    }

    @Test
    void missingTranslationIsReportedForEveryKindOfText() {
        JsonText template = new JsonText("""
                {"id": "t-1", "title": {"en": "T"}, "description": {"fr": "D"},
                 "languages": ["en", "fr"], "defaultLanguage": "en",
                 "choiceLists": {"l": [{"value": "a", "label": {"en": "A"}}]},
                 "sections": [{"name": "s", "title": {"en": "S", "fr": "S"}, "items": [
                   {"type": "integer", "name": "q", "label": {"en": "Q"}, "hint": {"fr": "H"},
                    "constraint": ". > 0", "constraintMessage": {"en": "Positive"}},
                   {"type": "matrix", "name": "m", "label": {"en": "M", "fr": "M"}, "choices": "l",
                    "rows": [{"name": "r", "label": {"en": "R"}}]}]}]}""");
        List<TemplateProblem> problems = validator.validate(template.object());
        assertProblem(problems, "/title", "missing 'fr' translation");
        assertProblem(problems, "/description", "missing 'en' translation");
        assertProblem(problems, "/choiceLists/l/0/label", "missing 'fr' translation");
        assertProblem(problems, "/sections/0/items/0/label", "missing 'fr' translation");
        assertProblem(problems, "/sections/0/items/0/hint", "missing 'en' translation");
        assertProblem(problems, "/sections/0/items/0/constraintMessage", "missing 'fr' translation");
        assertProblem(problems, "/sections/0/items/1/rows/0/label", "missing 'fr' translation");
        assertEquals(7, problems.size(), describe(problems));
    }

    @Test
    void textsInUndeclaredLanguagesOrBlankAreReported() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", "label": {"en": "Q", "fr": " ", "de": "F"}}""");
        assertProblem(problems, "/sections/0/items/0/label/de", "undeclared language 'de'");
        assertProblem(problems, "/sections/0/items/0/label/fr", "empty 'fr' text");
    }

    @Test
    void defaultLanguageMustBeDeclared() {
        JsonText template = new JsonText(withItems("{\"type\": \"note\", \"name\": \"n\", " + LABEL + "}").toString())
                .with("\"defaultLanguage\":\"en\"", "\"defaultLanguage\":\"sw\"");
        assertProblem(validator.validate(template.object()), "/defaultLanguage", "'sw' is not one of languages");
    }

    @Test
    void malformedAndDuplicateLanguagesAreReported() {
        JsonText template = new JsonText(withItems("{\"type\": \"note\", \"name\": \"n\", " + LABEL + "}").toString())
                .with("\"languages\":[\"en\",\"fr\"]", "\"languages\":[\"en\",\"fr\",\"English\",\"fr\"]");
        List<TemplateProblem> problems = validator.validate(template.object());
        assertProblem(problems, "/languages/2", "BCP 47");
        assertProblem(problems, "/languages/3", "listed twice");
    }

    @Test
    void unknownQuestionTypeIsReported() {
        List<TemplateProblem> problems = problemsWithItems("{\"type\": \"slider\", \"name\": \"q\", " + LABEL + "}");
        assertProblem(problems, "/sections/0/items/0/type", "unknown question type 'slider'");
        assertEquals(1, problems.size(), describe(problems));
    }

    @Test
    void typesThatNeedAChoiceListRequireChoices() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "select_one", "name": "a", %1$s}, {"type": "select_multiple", "name": "b", %1$s},
                {"type": "rank", "name": "c", %1$s}, {"type": "likert", "name": "d", %1$s},
                {"type": "matrix", "name": "e", %1$s, "rows": [{"name": "r", %1$s}]}""".formatted(LABEL));
        for (int i = 0; i < 5; i++) {
            assertProblem(problems, "/sections/0/items/" + i, "missing 'choices'");
        }
    }

    @Test
    void matrixRequiresRowsCalculateRequiresCalculationLinkageRequiresRelations() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "matrix", "name": "m", %1$s, "choices": "yn"},
                {"type": "calculate", "name": "c"},
                {"type": "linkage", "name": "l", %1$s, "actorTypes": ["firm", "bank"]},
                {"type": "linkage", "name": "l2", %1$s, "relations": "kinds"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0", "missing 'rows'");
        assertProblem(problems, "/sections/0/items/1", "missing 'calculation'");
        assertProblem(problems, "/sections/0/items/2", "missing 'relations'");
        assertProblem(problems, "/sections/0/items/2/actorTypes/1", "firm, institution, other");
        assertProblem(problems, "/sections/0/items/3/relations", "choice list 'kinds' is not defined");
    }

    @Test
    void repeatCannotHaveBothCountAndCountFrom() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "n", %1$s},
                {"type": "repeat", "name": "r", %1$s, "count": 2, "countFrom": "${n}", "maxCount": 5,
                 "items": [{"type": "text", "name": "t", %1$s}]},
                {"type": "repeat", "name": "r2", %1$s, "count": 0, "items": [{"type": "text", "name": "t2", %1$s}]}"""
                .formatted(LABEL));
        assertProblem(problems, "/sections/0/items/1/countFrom", "'count' or 'countFrom', not both");
        assertProblem(problems, "/sections/0/items/1/maxCount", "only applies to a repeat without");
        assertProblem(problems, "/sections/0/items/2/count", "whole number of at least 1");
    }

    @Test
    void minAboveMaxIsReportedAtMax() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "a", %1$s, "min": 10, "max": 5},
                {"type": "date", "name": "b", %1$s, "min": "2020-01-01", "max": "2019-12-31"},
                {"type": "select_multiple", "name": "c", %1$s, "choices": "yn", "minSelected": 2, "maxSelected": 1},
                {"type": "decimal", "name": "d", %1$s, "min": 0.5, "max": 0.25},
                {"type": "integer", "name": "e", %1$s, "min": 1.5},
                {"type": "date", "name": "f", %1$s, "min": "01/02/2020"},
                {"type": "rank", "name": "g", %1$s, "choices": "yn", "rankCount": 3}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/max", "less than min");
        assertProblem(problems, "/sections/0/items/1/max", "before min");
        assertProblem(problems, "/sections/0/items/2/maxSelected", "less than minSelected");
        assertProblem(problems, "/sections/0/items/3/max", "less than min");
        assertProblem(problems, "/sections/0/items/4/min", "whole number");
        assertProblem(problems, "/sections/0/items/5/min", "YYYY-MM-DD");
        assertProblem(problems, "/sections/0/items/6/rankCount", "more than the 2 choices");
        assertEquals(7, problems.size(), describe(problems));
    }

    @Test
    void malformedTagsAreReported() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", %s,
                 "tags": ["profile:sector", "swot:strength", "Trust", "profile:", "a:b:c", 5]}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/tags/2", "malformed tag 'Trust'");
        assertProblem(problems, "/sections/0/items/0/tags/3", "malformed tag 'profile:'");
        assertProblem(problems, "/sections/0/items/0/tags/4", "malformed tag 'a:b:c'");
        assertProblem(problems, "/sections/0/items/0/tags/5", "must be a string");
        assertEquals(4, problems.size(), describe(problems));
    }

    @Test
    void referencesMustPointAtAnswersAndAggregatesAtRepeats() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "integer", "name": "n", %1$s},
                {"type": "group", "name": "g", "items": [{"type": "integer", "name": "x", %1$s}]},
                {"type": "repeat", "name": "r", %1$s, "items": [{"type": "integer", "name": "staff", %1$s}]},
                {"type": "calculate", "name": "c1", "calculation": "count(${r}) + sum(${staff})"},
                {"type": "calculate", "name": "c2", "calculation": "${r} + ${g}"},
                {"type": "calculate", "name": "c3", "calculation": "count(${n}) + sum(${n})"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/4/calculation", "${r} at position 0 is a repeat; use count(${r})");
        assertProblem(problems, "/sections/0/items/4/calculation", "${g} at position 7 is a group");
        assertProblem(problems, "/sections/0/items/5/calculation", "count() at position 0 needs a repeat");
        assertProblem(problems, "/sections/0/items/5/calculation", "sum() at position 14 needs a question inside a repeat");
        assertEquals(4, problems.size(), describe(problems));
    }

    @Test
    void nonPortableRegexIsReported() {
        List<TemplateProblem> problems = problemsWithItems("""
                {"type": "text", "name": "q", %s, "constraint": "regex(., '(?i)[a-z]+')"}""".formatted(LABEL));
        assertProblem(problems, "/sections/0/items/0/constraint", "regex() at position 0");
    }

    @Test
    void emptySectionsAndItemListsAreReported() {
        JsonText template = new JsonText(withItems("{\"type\": \"group\", \"name\": \"g\", \"items\": []}").toString());
        assertProblem(validator.validate(template.object()), "/sections/0/items/0/items", "must not be empty");
        JsonText noSections = new JsonText("""
                {"id": "t-1", "title": {"en": "T"}, "languages": ["en"], "defaultLanguage": "en", "sections": []}""");
        assertProblem(validator.validate(noSections.object()), "/sections", "must not be empty");
    }

    @Test
    void manyProblemsAreReportedTogether() {
        List<TemplateProblem> problems = validator.validate(parse("""
                {"id": "X", "title": {"en": "T"}, "languages": ["en", "fr"], "defaultLanguage": "de",
                 "choiceLists": {"l": [{"value": "a", "label": {"en": "A", "fr": "A"}},
                                       {"value": "a", "label": {"en": "A", "fr": "A"}}]},
                 "sections": [{"name": "s", "title": {"en": "S", "fr": "S"}, "items": [
                   {"type": "integer", "name": "age", "label": {"en": "Age", "fr": "Âge"}, "required": "yes",
                    "relevant": "${nope} > (1", "requried": true},
                   {"type": "select_one", "name": "age", "label": {"en": "A", "fr": "A"}, "choices": "missing"},
                   {"type": "calculate", "name": "c", "calculation": "${c} + 1", "tags": ["Bad"]},
                   {"type": "slider", "name": "z"}
                 ]}]}"""));
        assertProblem(problems, "/id", "invalid id");
        assertProblem(problems, "/title", "missing 'fr' translation");
        assertProblem(problems, "/defaultLanguage", "not one of languages");
        assertProblem(problems, "/choiceLists/l/1/value", "duplicate choice value");
        assertProblem(problems, "/sections/0/items/0/required", "must be true or false");
        assertProblem(problems, "/sections/0/items/0/requried", "unknown key");
        assertProblem(problems, "/sections/0/items/0/relevant", "expected ')' at position 12");
        assertProblem(problems, "/sections/0/items/1/name", "duplicate name 'age'");
        assertProblem(problems, "/sections/0/items/1/choices", "'missing' is not defined");
        assertProblem(problems, "/sections/0/items/2/calculation", "calculation cycle: c → c");
        assertProblem(problems, "/sections/0/items/2/tags/0", "malformed tag");
        assertProblem(problems, "/sections/0/items/3/type", "unknown question type");
        assertEquals(12, problems.size(), describe(problems));
    }
}
