package org.clusterlens.themes.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeTextAnswersTest {

    @Test
    void everyFreeTextAnswerIsFoundWithItsQuestionAndPlaceEvenInRepeatsOfRepeats() {
        List<FreeText> found = TestAnswers.freeTexts("""
                {"owner_name": "Awa Ndiaye", "main_problem": "Flour prices", "staff": 4,
                 "channel": "other", "channel_other": "Sold from a bicycle",
                 "joint_idea": "Buy flour together",
                 "sites": [
                   {"site_problem": "No water", "machines": [
                     {"machine_issue": "Oven too small", "machine_source": ["market", "other"], "machine_source_other": "From a cousin"}]},
                   {"machines": [{"machine_issue": "Kneader breaks"}, {"machine_issue": "Mixer rusts"}]}
                 ]}""");
        assertEquals(List.of(
                new FreeText("owner_name", "/owner_name", "", "text", "Awa Ndiaye", true),
                new FreeText("main_problem", "/main_problem", "", "long_text", "Flour prices", false),
                new FreeText("channel", "/channel_other", "", "other", "Sold from a bicycle", false),
                new FreeText("joint_idea", "/joint_idea", "", "text", "Buy flour together", false),
                new FreeText("site_problem", "/sites/0/site_problem", "sites", "text", "No water", false),
                new FreeText("machine_issue", "/sites/0/machines/0/machine_issue", "sites/machines", "text", "Oven too small", false),
                new FreeText("machine_source", "/sites/0/machines/0/machine_source_other", "sites/machines", "other", "From a cousin", false),
                new FreeText("machine_issue", "/sites/1/machines/0/machine_issue", "sites/machines", "text", "Kneader breaks", false),
                new FreeText("machine_issue", "/sites/1/machines/1/machine_issue", "sites/machines", "text", "Mixer rusts", false)),
                found);
    }

    @Test
    void answersAreKeptExactlyAsTypedAndBlankOnesAreLeftOut() {
        String typed = "  Électricité <b>chère</b>\n\ttrop \u202Echère 🍞 ";
        List<FreeText> found = TestAnswers.freeTexts("{\"main_problem\": " + TestAnswers.jsonString(typed)
                + ", \"joint_idea\": \"   \", \"channel\": \"shop\", \"sites\": [{\"site_problem\": \"\"}]}");
        assertEquals(1, found.size(), found::toString);
        assertEquals(typed, found.getFirst().text());
    }

    @Test
    void choicesNumbersAndEntriesWithoutTextGiveNoDocument() {
        assertTrue(TestAnswers.freeTexts("{\"staff\": 3, \"channel\": \"market\", \"sites\": [{\"machines\": [{\"machine_source\": [\"shop\"]}]}]}")
                .isEmpty());
    }
}
