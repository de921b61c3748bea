package org.clusterlens.forms.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateModelTest {

    private final TemplateModel model = TemplateModel.from(Documents.fixture("firm-diagnostic.json"));

    @Test
    void exposesIdentityLanguagesAndTitles() {
        assertEquals("firm-diagnostic", model.id());
        assertEquals(List.of("en", "fr", "ar"), model.languages());
        assertEquals("en", model.defaultLanguage());
        assertEquals("Diagnostic d'entreprise 🏭", model.title().in("fr", "en"));
        assertEquals("Firm diagnostic 🏭", model.title().in("sw", "en"));
        assertTrue(model.description().isPresent());
    }

    @Test
    void rightToLeftTextAndEmojiAreKeptExactly() {
        assertEquals("تشخيص المؤسسة 🏭", model.title().in("ar", "en"));
        assertEquals("ما الذي تجيده مؤسستك أكثر؟ 💪",
                model.question("swot_strength").orElseThrow().label().orElseThrow().in("ar", "en"));
        assertEquals("الطاقة ⚡", model.choiceList("obstacles").orElseThrow().choice("energy").orElseThrow()
                .label().in("ar", "en"));
    }

    @Test
    void listsEveryQuestionInRespondentOrder() {
        assertEquals(List.of("firm_name", "employees", "size_computed", "size", "founded", "location", "turnover",
                        "branch_count", "branch_city", "branch_staff", "branch_staff_total", "branch_note",
                        "obstacles", "obstacle_rank", "trust_banks", "trust_matrix", "swot_strength", "joint_action",
                        "links"),
                model.questions().stream().map(Question::name).toList());
    }

    @Test
    void questionsKnowTheirTypeDefinitionAndEnclosingRepeat() {
        Question staff = model.question("branch_staff").orElseThrow();
        assertEquals(QuestionType.INTEGER, staff.type());
        assertEquals(Optional.of("branch"), staff.repeat());
        assertEquals(List.of("branches", "branch"), staff.ancestors());
        assertEquals(0, staff.number("min").orElseThrow().intValue());
        Question trust = model.question("trust_banks").orElseThrow();
        assertEquals(Optional.empty(), trust.repeat());
        assertEquals(List.of("environment", "trust_block"), trust.ancestors());
        assertEquals(List.of("trust", "institution"), trust.tags());
        assertEquals(Optional.of("agreement"), trust.choiceList());
        assertEquals(Optional.of("relation_types"), model.question("links").orElseThrow().choiceList());
        Question employees = model.question("employees").orElseThrow();
        assertTrue(employees.required());
        assertFalse(employees.readOnly());
        assertEquals(Optional.of(". >= 0 and . < 100000"), employees.constraint());
        assertTrue(model.question("obstacles").orElseThrow().other());
    }

    @Test
    void repeatsAndGroupsAreItemsToo() {
        Repeat branch = assertInstanceOf(Repeat.class, model.item("branch").orElseThrow());
        assertEquals(Optional.of("${branch_count}"), branch.countFrom());
        assertEquals(OptionalInt.empty(), branch.count());
        assertEquals(2, branch.items().size());
        assertInstanceOf(Group.class, model.item("trust_block").orElseThrow());
        assertTrue(model.question("trust_block").isEmpty());
    }

    @Test
    void relevanceChainRunsFromSectionToItem() {
        assertEquals(List.of("${employees} >= 10", "count(${branch}) > 0"), model.relevanceChain("branch_note"));
        assertEquals(List.of("${employees} >= 10"), model.relevanceChain("branch_staff"));
        assertEquals(List.of("selected(${obstacles}, 'finance') or ${size} != 'micro'"),
                model.relevanceChain("trust_matrix"));
        assertEquals(List.of(), model.relevanceChain("firm_name"));
    }

    @Test
    void choiceListsKeepTheirOrder() {
        assertEquals(List.of("micro", "small", "medium"), model.choiceList("size_band").orElseThrow().values());
    }

    @Test
    void invalidTemplateIsRefusedWithAllItsProblems() {
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class,
                () -> TemplateModel.from(Documents.parse("{\"id\": \"x\"}")));
        assertTrue(e.problems().size() >= 5, e.problems().toString());
    }
}
