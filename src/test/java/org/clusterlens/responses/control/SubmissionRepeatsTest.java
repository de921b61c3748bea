package org.clusterlens.responses.control;

import jakarta.json.JsonObject;
import org.clusterlens.forms.control.TemplateModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.clusterlens.responses.control.Submissions.errors;
import static org.clusterlens.responses.control.Submissions.json;
import static org.clusterlens.responses.control.Submissions.label;
import static org.clusterlens.responses.control.Submissions.validate;
import static org.clusterlens.responses.control.Submissions.withItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Repeats: how many entries, each entry validated like a small submission, pointers into entries. */
class SubmissionRepeatsTest {

    private static final TemplateModel FIRM = withItems("""
            {"type": "yes_no", "name": "has_branches", LABEL},
            {"type": "integer", "name": "branch_count", "min": 0, "max": 20, "relevant": "${has_branches} = 'yes'", LABEL},
            {"type": "repeat", "name": "branches", "countFrom": "${branch_count}", LABEL, "items": [
              {"type": "text", "name": "branch_city", "required": true, LABEL},
              {"type": "integer", "name": "branch_staff", "min": 0, LABEL},
              {"type": "text", "name": "branch_manager", "required": true, "relevant": "${branch_staff} > 10", LABEL},
              {"type": "text", "name": "branch_export_office", "relevant": "${has_branches} = 'yes' and ${exports} = 'yes'", LABEL},
              {"type": "calculate", "name": "branch_share", "calculation": "${branch_staff} * 100 div ${head_office_staff}"}
            ]},
            {"type": "calculate", "name": "branch_staff_total", "calculation": "sum(${branch_staff})"},
            {"type": "calculate", "name": "branch_total", "calculation": "count(${branches})"},
            {"type": "integer", "name": "head_office_staff", LABEL},
            {"type": "yes_no", "name": "exports", LABEL},
            {"type": "repeat", "name": "owners", "count": 2, LABEL, "items": [
              {"type": "text", "name": "owner_name", "required": true, LABEL}
            ]},
            {"type": "repeat", "name": "products", "maxCount": 3, LABEL, "items": [
              {"type": "text", "name": "product", "required": true, LABEL},
              {"type": "select_one", "name": "product_colour", "choices": "colours", "other": true, LABEL}
            ]}
            """.replace("LABEL", label("Q")));

    private static final String OWNERS = "\"owners\": [{\"owner_name\": \"Awa\"}, {\"owner_name\": \"Moussa\"}]";

    @Test
    void fixedCountNeedsExactlyThatManyEntries() {
        assertEquals(Map.of("/answers/owners", "Fill in exactly 2 entries."),
                errors(validate(FIRM, "{\"owners\": [{\"owner_name\": \"Awa\"}]}")));
        assertEquals(Map.of("/answers/owners", "Remplissez exactement 2 entrées."),
                errors(validate(FIRM, json("{\"owners\": []}"), "fr")));
        assertEquals(Map.of(), errors(validate(FIRM, "{" + OWNERS + "}")));
    }

    @Test
    void eachEntryIsValidatedWithAPointerIntoIt() {
        SubmissionValidator.Result result = validate(FIRM,
                "{\"owners\": [{\"owner_name\": \"Awa\"}, {\"owner_name\": 12}], "
                        + "\"products\": [{\"product\": \"Bread\"}, {\"product_colour\": \"mauve\"}]}");

        assertEquals(Map.of("/answers/owners/1/owner_name", "Please write your answer as text.",
                        "/answers/products/1/product", "Please answer this question.",
                        "/answers/products/1/product_colour", "Choose one of the options offered."),
                errors(result));
    }

    @Test
    void countFromTakesTheNumberOfEntriesFromAnAnswer() {
        String twoBranches = "{\"has_branches\": \"yes\", \"branch_count\": 2, " + OWNERS + ", \"branches\": ["
                + "{\"branch_city\": \"Thiès\", \"branch_staff\": 4}";

        assertEquals(Map.of("/answers/branches", "Fill in exactly 2 entries."),
                errors(validate(FIRM, twoBranches + "]}")));
        assertEquals(Map.of(), errors(validate(FIRM,
                twoBranches + ", {\"branch_city\": \"Saint-Louis\"}]}")));
        assertEquals(Map.of("/answers/branches", "No entries are expected here."),
                errors(validate(FIRM, "{\"has_branches\": \"no\", " + OWNERS + ", \"branches\": [{\"branch_city\": \"Thiès\"}]}")),
                "branch_count is not relevant, so no entries");
    }

    @Test
    void questionInsideARepeatSeesTheSameEntrysAnswers() {
        SubmissionValidator.Result result = validate(FIRM, "{\"has_branches\": \"yes\", \"branch_count\": 3, " + OWNERS
                + ", \"branches\": ["
                + "{\"branch_city\": \"Thiès\", \"branch_staff\": 4, \"branch_manager\": \"dropped: 4 staff\"},"
                + "{\"branch_city\": \"Touba\", \"branch_staff\": 25},"
                + "{\"branch_city\": \"Kaolack\", \"branch_staff\": 11, \"branch_manager\": \"Fatou\"}]}");

        assertEquals(Map.of("/answers/branches/1/branch_manager", "Please answer this question."), errors(result));
        assertEquals(json("{\"branch_city\": \"Thiès\", \"branch_staff\": 4}"),
                result.answers().getJsonArray("branches").getJsonObject(0));
        assertEquals("Fatou", result.answers().getJsonArray("branches").getJsonObject(2).getString("branch_manager"));
    }

    @Test
    void questionInsideARepeatSeesAnswersOutsideIt() {
        SubmissionValidator.Result result = validate(FIRM, "{\"has_branches\": \"yes\", \"branch_count\": 1, "
                + "\"exports\": \"yes\", \"head_office_staff\": 8, " + OWNERS + ", \"branches\": ["
                + "{\"branch_city\": \"Dakar\", \"branch_staff\": 2, \"branch_export_office\": \"Port\", \"branch_share\": 99}]}");

        assertEquals(Map.of(), errors(result));
        JsonObject branch = result.answers().getJsonArray("branches").getJsonObject(0);
        assertEquals("Port", branch.getString("branch_export_office"));
        assertEquals(25, branch.getInt("branch_share"), "recomputed per entry: 2 * 100 div 8");
    }

    @Test
    void calculationsOutsideAddUpTheEntries() {
        SubmissionValidator.Result result = validate(FIRM, "{\"has_branches\": \"yes\", \"branch_count\": 2, " + OWNERS
                + ", \"branches\": [{\"branch_city\": \"A\", \"branch_staff\": 4}, {\"branch_city\": \"B\", \"branch_staff\": 6}],"
                + " \"branch_staff_total\": 1, \"branch_total\": 7}");

        assertEquals(Map.of(), errors(result));
        assertEquals(10, result.answers().getInt("branch_staff_total"));
        assertEquals(2, result.answers().getInt("branch_total"));
    }

    @Test
    void openRepeatTakesAtMostMaxCountEntries() {
        String product = "{\"product\": \"Bread\"}";
        String three = "[" + String.join(",", product, product, product) + "]";
        String four = "[" + String.join(",", product, product, product, product) + "]";

        assertEquals(Map.of(), errors(validate(FIRM, "{" + OWNERS + ", \"products\": " + three + "}")));
        assertEquals(Map.of(), errors(validate(FIRM, "{" + OWNERS + ", \"products\": []}")));
        assertEquals(Map.of("/answers/products", "Add at most 3 entries."),
                errors(validate(FIRM, "{" + OWNERS + ", \"products\": " + four + "}")));
        assertEquals(Map.of("/answers/products", "Ajoutez au plus 3 entrées."),
                errors(validate(FIRM, json("{" + OWNERS + ", \"products\": " + four + "}"), "fr")));
    }

    @Test
    void otherInsideAnEntryIsSpecifiedInThatEntry() {
        SubmissionValidator.Result result = validate(FIRM, "{" + OWNERS + ", \"products\": ["
                + "{\"product\": \"Cloth\", \"product_colour\": \"other\", \"product_colour_other\": \"Indigo\"},"
                + "{\"product\": \"Soap\", \"product_colour\": \"other\"}]}");

        assertEquals(Map.of("/answers/products/1/product_colour_other", "Please specify “Other”."), errors(result));
        assertEquals("Indigo",
                result.answers().getJsonArray("products").getJsonObject(0).getString("product_colour_other"));
    }

    @Test
    void entriesThatCannotBeReadAndMisplacedAnswersAreReported() {
        assertEquals(Map.of("/answers/products", "These entries could not be read."),
                errors(validate(FIRM, "{" + OWNERS + ", \"products\": {\"product\": \"Bread\"}}")));
        assertEquals(Map.of("/answers/products/1", "This entry could not be read."),
                errors(validate(FIRM, "{" + OWNERS + ", \"products\": [{\"product\": \"Bread\"}, \"Soap\"]}")));
        assertEquals(Map.of("/answers/products/0/exports", "This question belongs to another part of the questionnaire.",
                        "/answers/products/0/colour", "This is not a question of this questionnaire.",
                        "/answers/product", "This question belongs to another part of the questionnaire."),
                errors(validate(FIRM, "{" + OWNERS + ", \"product\": \"Bread\", "
                        + "\"products\": [{\"product\": \"Bread\", \"exports\": \"yes\", \"colour\": \"red\"}]}")));
    }

    @Test
    void repeatThatIsNotRelevantIsDroppedWithItsEntries() {
        TemplateModel template = withItems("""
                {"type": "yes_no", "name": "trained", LABEL},
                {"type": "repeat", "name": "courses", "relevant": "${trained} = 'yes'", "maxCount": 1, LABEL, "items": [
                  {"type": "text", "name": "topic", "required": true, LABEL}]},
                {"type": "calculate", "name": "course_count", "calculation": "count(${courses})"}
                """.replace("LABEL", label("Q")));

        SubmissionValidator.Result result = validate(template,
                "{\"trained\": \"no\", \"courses\": [{}, {\"topic\": 5}, \"junk\"]}");

        assertEquals(Map.of(), errors(result));
        assertEquals(json("{\"trained\": \"no\", \"course_count\": 0}"), result.answers());
    }

    @Test
    void nestedRepeatSeesItsOwnEntryAndTheEnclosingOne() {
        TemplateModel template = withItems("""
                {"type": "repeat", "name": "households", LABEL, "items": [
                  {"type": "yes_no", "name": "has_children", LABEL},
                  {"type": "repeat", "name": "members", LABEL, "items": [
                    {"type": "integer", "name": "age", "required": true, LABEL},
                    {"type": "text", "name": "school", "required": true,
                     "relevant": "${has_children} = 'yes' and ${age} < 18", LABEL}]},
                  {"type": "calculate", "name": "member_count", "calculation": "count(${members})"}]}
                """.replace("LABEL", label("Q")));

        SubmissionValidator.Result result = validate(template, """
                {"households": [
                  {"has_children": "yes", "members": [{"age": 40}, {"age": 9}]},
                  {"has_children": "no", "members": [{"age": 12, "school": "dropped"}]}]}
                """);

        assertEquals(Map.of("/answers/households/0/members/1/school", "Please answer this question."), errors(result));
        assertEquals(2, result.answers().getJsonArray("households").getJsonObject(0).getInt("member_count"));
        assertEquals(json("{\"age\": 12}"), result.answers().getJsonArray("households").getJsonObject(1)
                .getJsonArray("members").getJsonObject(0));
    }
}
