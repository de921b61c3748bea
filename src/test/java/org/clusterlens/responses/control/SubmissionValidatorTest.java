package org.clusterlens.responses.control;

import jakarta.json.JsonObject;
import org.clusterlens.forms.control.TemplateModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.clusterlens.responses.control.Submissions.errors;
import static org.clusterlens.responses.control.Submissions.json;
import static org.clusterlens.responses.control.Submissions.label;
import static org.clusterlens.responses.control.Submissions.resource;
import static org.clusterlens.responses.control.Submissions.validate;
import static org.clusterlens.responses.control.Submissions.value;
import static org.clusterlens.responses.control.Submissions.with;
import static org.clusterlens.responses.control.Submissions.withItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relevance, calculations, constraints, languages, unknown keys and text kept exactly. */
class SubmissionValidatorTest {

    private static final TemplateModel SHOP = withItems("""
            {"type": "yes_no", "name": "has_shop", LABEL},
            {"type": "text", "name": "shop_name", "required": true, "relevant": "${has_shop} = 'yes'", LABEL},
            {"type": "group", "name": "shop", "relevant": "${has_shop} = 'yes'", "items": [
              {"type": "integer", "name": "shop_staff", "required": true, LABEL},
              {"type": "select_one", "name": "shop_colour", "choices": "colours", "other": true, LABEL}
            ]},
            {"type": "calculate", "name": "staff_with_owner", "calculation": "${shop_staff} + 1"},
            {"type": "text", "name": "big_shop_note", "relevant": "${staff_with_owner} > 10", LABEL}
            """.replace("LABEL", label("Q")));

    @Test
    void calculationsSeeChoiceLabelsInTheRespondentsLanguageEntryNumbersAndKeepWhatOnceGave() {
        TemplateModel template = withItems("""
                {"type": "select_one", "name": "colour", "choices": "colours", LABEL},
                {"type": "calculate", "name": "colour_name", "calculation": "jr:choice-name(${colour}, '${colour}')"},
                {"type": "calculate", "name": "code", "calculation": "once(uuid())"},
                {"type": "repeat", "name": "r", LABEL, "items": [
                  {"type": "calculate", "name": "n", "calculation": "position(..)"}]}
                """.replace("LABEL", label("Q")));
        JsonObject sent = json("{\"colour\": \"green\", \"code\": \"first-value\", \"r\": [{}, {}]}");

        JsonObject kept = validate(template, sent, "fr").answers();
        assertEquals("Vert", kept.getString("colour_name"));
        assertEquals("first-value", kept.getString("code"), "once() keeps the value sent");
        assertEquals(2, kept.getJsonArray("r").getJsonObject(1).getInt("n"));
        assertEquals("Green", validate(template, sent, "en").answers().getString("colour_name"));
        assertEquals(36, validate(template, json("{}"), "en").answers().getString("code").length());
    }

    @Test
    void requiredQuestionIsRequiredOnlyWhenRelevant() {
        assertEquals(Map.of("/answers/shop_name", "Please answer this question.",
                        "/answers/shop_staff", "Please answer this question."),
                errors(validate(SHOP, "{\"has_shop\": \"yes\"}")));
        assertEquals(Map.of(), errors(validate(SHOP, "{\"has_shop\": \"no\"}")));
        assertEquals(Map.of(), errors(validate(SHOP, "{}")));
    }

    @Test
    void answersToQuestionsThatAreNotRelevantAreDroppedWithoutErrors() {
        SubmissionValidator.Result result = validate(SHOP, """
                {"has_shop": "no", "shop_name": "Chez Awa", "shop_staff": "lots",
                 "shop_colour": "other", "shop_colour_other": 42, "big_shop_note": ["not", "text"]}
                """);

        assertEquals(Map.of(), errors(result));
        assertEquals(json("{\"has_shop\": \"no\"}"), result.answers());
    }

    @Test
    void sectionThatIsNotRelevantDropsEverythingInIt() {
        TemplateModel template = TemplateModel.from(json("""
                {"id": "two-pages", "title": {"en": "T"}, "languages": ["en"], "defaultLanguage": "en",
                 "sections": [
                   {"name": "first", "title": {"en": "First"}, "items": [
                     {"type": "yes_no", "name": "consent", "required": true, "label": {"en": "Consent?"}}]},
                   {"name": "second", "title": {"en": "Second"}, "relevant": "${consent} = 'yes'", "items": [
                     {"type": "text", "name": "firm", "required": true, "label": {"en": "Firm"}},
                     {"type": "repeat", "name": "branches", "label": {"en": "Branches"}, "items": [
                       {"type": "text", "name": "city", "required": true, "label": {"en": "City"}}]}]}]}
                """));

        SubmissionValidator.Result refused = validate(template,
                "{\"consent\": \"no\", \"firm\": 7, \"branches\": [{\"city\": \"Thiès\"}, {}]}");

        assertEquals(Map.of(), errors(refused));
        assertEquals(json("{\"consent\": \"no\"}"), refused.answers());
        assertEquals(Map.of("/answers/firm", "Please answer this question.",
                        "/answers/branches/1/city", "Please answer this question."),
                errors(validate(template, "{\"consent\": \"yes\", \"branches\": [{\"city\": \"Thiès\"}, {}]}")));
    }

    @Test
    void relevanceMayLookAheadToALaterAnswerAsTheLiveFormDoes() {
        TemplateModel template = withItems("""
                {"type": "text", "name": "why_late", "relevant": "${late} = 'yes'", LABEL},
                {"type": "yes_no", "name": "late", LABEL}
                """.replace("LABEL", label("Q")));

        SubmissionValidator.Result result = validate(template, "{\"why_late\": \"Rain\", \"late\": \"yes\"}");

        assertEquals(Map.of(), errors(result));
        assertEquals("Rain", result.answers().getString("why_late"));
    }

    @Test
    void calculationsAreRecomputedAndTheClientsValueIgnored() {
        SubmissionValidator.Result result = validate(SHOP,
                "{\"has_shop\": \"yes\", \"shop_name\": \"Chez Awa\", \"shop_staff\": 11, \"staff_with_owner\": 1000}");

        assertEquals(Map.of(), errors(result));
        assertEquals(12, result.answers().getInt("staff_with_owner"));
        assertTrue(result.answers().containsKey("shop_staff"));
    }

    @Test
    void laterQuestionsSeeTheRecomputedValueNotTheClients() {
        JsonObject answers = json("""
                {"has_shop": "yes", "shop_name": "Chez Awa", "shop_staff": 2, "staff_with_owner": 99,
                 "big_shop_note": "We are many"}
                """);

        SubmissionValidator.Result result = validate(SHOP, answers, "en");

        assertEquals(Map.of(), errors(result));
        assertFalse(result.answers().containsKey("big_shop_note"), "3 people is not a big shop");
    }

    @Test
    void calculationWithNoValueIsNotStored() {
        SubmissionValidator.Result result = validate(SHOP, "{\"has_shop\": \"no\", \"staff_with_owner\": 5}");

        assertEquals(Map.of(), errors(result));
        assertFalse(result.answers().containsKey("staff_with_owner"));
    }

    @Test
    void calculationsKeepTheirTypeAndTodayIsTheDateGiven() {
        TemplateModel template = withItems("""
                {"type": "decimal", "name": "price", LABEL},
                {"type": "calculate", "name": "with_tax", "calculation": "${price} * 1.18"},
                {"type": "calculate", "name": "label_text", "calculation": "concat('Price: ', ${price})"},
                {"type": "calculate", "name": "day", "calculation": "today()"},
                {"type": "calculate", "name": "expensive", "calculation": "${with_tax} > 100"}
                """.replace("LABEL", label("Q")));

        JsonObject answers = new SubmissionValidator(template)
                .validate(json("{\"price\": 100}"), "en", LocalDate.of(2026, 1, 2), LinkableActors.NONE).answers();

        assertEquals(118.0, answers.getJsonNumber("with_tax").doubleValue(), 1e-9);
        assertEquals("Price: 100", answers.getString("label_text"));
        assertEquals("2026-01-02", answers.getString("day"));
        assertTrue(answers.getBoolean("expensive"));
    }

    @Test
    void constraintMessageIsInTheRespondentsLanguage() {
        TemplateModel template = TemplateModel.from(resource("every-type.json"));
        JsonObject answers = with(resource("every-type-answers.json"), "founded", value("1850"));

        assertEquals(Map.of("/answers/founded", "Une année entre 1900 et 2030, s’il vous plaît."),
                errors(validate(template, answers, "fr")));
        assertEquals(Map.of("/answers/founded", "سنة بين 1900 و2030 من فضلك."),
                errors(validate(template, answers, "ar")));
        assertEquals(Map.of("/answers/founded", "A year between 1900 and 2030, please."),
                errors(validate(template, answers, "sw")), "a language the template lacks: its default");
    }

    @Test
    void genericMessagesAreInTheRespondentsLanguage() {
        TemplateModel template = TemplateModel.from(resource("every-type.json"));
        JsonObject answers = with(with(resource("every-type-answers.json"), "staff", null), "margin", value("80"));

        assertEquals(Map.of("/answers/staff", "Veuillez répondre à cette question.",
                        "/answers/margin", "Cette réponse n’est pas acceptée. Veuillez la vérifier."),
                errors(validate(template, answers, "fr")));
        assertEquals(Map.of("/answers/staff", "يرجى الإجابة عن هذا السؤال.",
                        "/answers/margin", "هذه الإجابة غير مقبولة. يرجى التحقق منها."),
                errors(validate(template, answers, "ar")));
        assertEquals(Map.of("/answers/staff", "Please answer this question.",
                        "/answers/margin", "This answer is not accepted. Please check it."),
                errors(validate(template, answers, null)));
    }

    @Test
    void unknownLanguageFallsBackToTheTemplatesDefaultThenToEnglish() {
        String items = "{\"type\": \"integer\", \"name\": \"n\", \"required\": true, \"label\": LABEL}";
        TemplateModel french = TemplateModel.from(json("""
                {"id": "fr-first", "title": {"en": "T", "fr": "T"}, "languages": ["en", "fr"], "defaultLanguage": "fr",
                 "sections": [{"name": "s", "title": {"en": "S", "fr": "S"}, "items": [ITEMS]}]}
                """.replace("ITEMS", items).replace("LABEL", "{\"en\": \"N\", \"fr\": \"N\"}")));
        TemplateModel swahili = TemplateModel.from(json("""
                {"id": "sw-first", "title": {"sw": "T"}, "languages": ["sw"], "defaultLanguage": "sw",
                 "sections": [{"name": "s", "title": {"sw": "S"}, "items": [ITEMS]}]}
                """.replace("ITEMS", items).replace("LABEL", "{\"sw\": \"N\"}")));

        assertEquals(Map.of("/answers/n", "Veuillez répondre à cette question."),
                errors(validate(french, json("{}"), "de")));
        assertEquals(Map.of("/answers/n", "Please answer this question."),
                errors(validate(swahili, json("{}"), "sw")));
    }

    @Test
    void keysThatAreNotQuestionsOfTheTemplateAreRefused() {
        SubmissionValidator.Result result = validate(SHOP, """
                {"has_shop": "no", "nonsense": 1, "shop": {}, "main": "x", "has_shop_other": "x",
                 "a/b~c": true, "shop_colour_other": "Teal"}
                """);

        assertEquals(Map.of("/answers/nonsense", "This is not a question of this questionnaire.",
                        "/answers/shop", "This is not a question of this questionnaire.",
                        "/answers/main", "This is not a question of this questionnaire.",
                        "/answers/has_shop_other", "This is not a question of this questionnaire.",
                        "/answers/a~1b~0c", "This is not a question of this questionnaire."),
                errors(result));
        assertFalse(result.answers().containsKey("nonsense"));
    }

    @Test
    void textIsKeptExactlyAsSentInAnyScript() {
        TemplateModel template = TemplateModel.from(resource("every-type.json"));
        List<String> stories = List.of(
                "  نبيع الخبز منذ ١٩٩٨ 🍞  ",
                "שלום עולם\u200F and English mixed",
                "Crème brûlée, e\u0301 not é, ﬁ ligature, 中文, 👩🏽‍🍳 chef",
                "line one\r\nline two\n\ttabbed\u0000nul",
                "\uFEFFbyte order mark kept");

        for (String story : stories) {
            SubmissionValidator.Result result = validate(template,
                    with(resource("every-type-answers.json"), "story", jakarta.json.Json.createValue(story)), "ar");

            assertEquals(Map.of(), errors(result));
            assertEquals(story, result.answers().getString("story"));
        }
    }

    @Test
    void longTextOfTenThousandCharactersIsKeptAndOneMoreIsRefused() {
        TemplateModel template = TemplateModel.from(resource("every-type.json"));
        String emoji = "🌍".repeat(5_000);
        String tenThousand = emoji + "x".repeat(4_999) + "é";

        SubmissionValidator.Result kept = validate(template,
                with(resource("every-type-answers.json"), "story", jakarta.json.Json.createValue(tenThousand)), "en");
        SubmissionValidator.Result refused = validate(template,
                with(resource("every-type-answers.json"), "story", jakarta.json.Json.createValue(tenThousand + "!")), "fr");

        assertEquals(Map.of(), errors(kept));
        assertEquals(tenThousand, kept.answers().getString("story"));
        assertEquals(Map.of("/answers/story",
                        "Veuillez raccourcir votre réponse à 10000 caractères au plus (elle en compte 10001)."),
                errors(refused));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        SubmissionValidator.Result result = validate(SHOP,
                "{\"has_shop\": \"maybe\", \"unknown\": 1, \"shop_staff\": 1.5}");

        assertEquals(Map.of("/answers/has_shop", "Answer yes or no.",
                "/answers/unknown", "This is not a question of this questionnaire."), errors(result));
        assertFalse(result.valid());
    }
}
