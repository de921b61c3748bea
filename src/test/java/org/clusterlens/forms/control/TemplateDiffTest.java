package org.clusterlens.forms.control;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateDiffTest {

    private static final JsonObject BEFORE = Documents.parse("""
            {"choiceLists": {
               "size": [{"value": "s", "label": {"en": "Small"}}, {"value": "m", "label": {"en": "Medium"}},
                        {"value": "l", "label": {"en": "Large"}}],
               "old": [{"value": "x", "label": {"en": "X"}}]},
             "sections": [{"name": "a", "items": [
               {"type": "text", "name": "firm", "label": {"en": "Firm"}},
               {"type": "select_one", "name": "band", "label": {"en": "Band"}, "choices": "size"},
               {"type": "integer", "name": "staff", "label": {"en": "Staff"}},
               {"type": "text", "name": "gone", "label": {"en": "Gone"}}]}]}""");

    private static final JsonObject AFTER = Documents.parse("""
            {"choiceLists": {
               "size": [{"value": "m", "label": {"en": "Medium"}}, {"value": "s", "label": {"en": "Small (1-9)"}},
                        {"value": "xl", "label": {"en": "Huge"}}],
               "new": [{"value": "y", "label": {"en": "Y"}}]},
             "sections": [{"name": "a", "items": [
               {"type": "text", "name": "firm", "label": {"en": "Firm"}},
               {"type": "select_multiple", "name": "band", "label": {"en": "Size band"}, "choices": "size",
                "relevant": "${firm} != ''"},
               {"type": "repeat", "name": "r", "items": [
                 {"type": "integer", "name": "staff", "label": {"en": "Staff"}}]},
               {"type": "group", "name": "g", "items": [
                 {"type": "text", "name": "added", "label": {"en": "Added"}}]}]}]}""");

    private final TemplateDiff diff = TemplateDiff.between(BEFORE, AFTER);

    @Test
    void reportsQuestionsAddedAndRemovedByName() {
        assertEquals(List.of("added"), diff.questionsAdded());
        assertEquals(List.of("gone"), diff.questionsRemoved());
    }

    @Test
    void reportsWhichKeysOfAQuestionChanged() {
        assertEquals(List.of(new QuestionChange("band", List.of("label", "relevant", "type")),
                new QuestionChange("staff", List.of("repeat"))), diff.questionsChanged());
    }

    @Test
    void reportsChoiceListOptionChanges() {
        assertEquals(List.of("new"), diff.choiceListsAdded());
        assertEquals(List.of("old"), diff.choiceListsRemoved());
        assertEquals(List.of(new ChoiceListChange("size", List.of("xl"), List.of("l"), List.of("s"), true)),
                diff.choiceListsChanged());
    }

    @Test
    void identicalTemplatesHaveNoChanges() {
        TemplateDiff same = TemplateDiff.between(BEFORE, Documents.parse(BEFORE.toString()));
        assertFalse(same.hasChanges());
        assertTrue(diff.hasChanges());
    }

    @Test
    void serialisesToJsonWithJsonB() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            JsonObject json = Documents.parse(jsonb.toJson(diff));
            assertEquals(Documents.parse("""
                    {"choiceListsAdded": ["new"], "choiceListsChanged": [{"labelsChanged": ["s"], "name": "size",
                      "reordered": true, "valuesAdded": ["xl"], "valuesRemoved": ["l"]}],
                     "choiceListsRemoved": ["old"], "questionsAdded": ["added"],
                     "questionsChanged": [{"changedKeys": ["label", "relevant", "type"], "name": "band"},
                                          {"changedKeys": ["repeat"], "name": "staff"}],
                     "questionsRemoved": ["gone"]}"""), json);
        }
    }
}
