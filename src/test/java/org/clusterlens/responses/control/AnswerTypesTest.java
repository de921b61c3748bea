package org.clusterlens.responses.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.clusterlens.forms.control.TemplateModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.clusterlens.responses.control.Submissions.errors;
import static org.clusterlens.responses.control.Submissions.resource;
import static org.clusterlens.responses.control.Submissions.validate;
import static org.clusterlens.responses.control.Submissions.value;
import static org.clusterlens.responses.control.Submissions.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each question type with a good answer and with the bad answers a respondent is told about. */
class AnswerTypesTest {

    private static final TemplateModel TEMPLATE = TemplateModel.from(resource("every-type.json"));
    private static final JsonObject VALID = resource("every-type-answers.json");

    @Test
    void validAnswerOfEveryTypeIsKeptAsSent() {
        SubmissionValidator.Result result = validate(TEMPLATE, VALID, "en");

        assertEquals(Map.of(), errors(result));
        assertTrue(result.valid());
        JsonObject expected = Json.createObjectBuilder(VALID).add("staff_double", 24).build();
        assertEquals(expected, result.answers());
    }

    static Stream<Arguments> acceptedAnswers() {
        return Stream.of(
                arguments("nickname", "\"🦚🦚🦚🦚🦚🦚🦚🦚🦚🦚\""),
                arguments("staff", "0"),
                arguments("staff", "500"),
                arguments("staff", "12.0"),
                arguments("share", "0.001"),
                arguments("share", "100"),
                arguments("opened", "\"2000-01-01\""),
                arguments("opened", "\"2030-12-31\""),
                arguments("exports", "\"yes\""),
                arguments("colour", "\"other\""),
                arguments("colours", "[\"red\", \"green\", \"blue\"]"),
                arguments("ranking", "[\"green\"]"),
                arguments("location", "{\"lat\": -90, \"lon\": 180}"),
                arguments("links", "[{\"actor\": 56, \"relations\": [\"buys_from\"]}]"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("acceptedAnswers")
    void acceptsAnswerOfTheRightShape(String question, String answer) {
        JsonObject answers = with(VALID, question, value(answer));
        if (answer.contains("other")) {
            answers = with(answers, question + "_other", value("\"Teal\""));
        }

        SubmissionValidator.Result result = validate(TEMPLATE, answers, "en");

        assertEquals(Map.of(), errors(result));
        assertEquals(value(answer), result.answers().get(question));
    }

    static Stream<Arguments> refusedAnswers() {
        String text = "Please write your answer as text.";
        String staff = "Enter a whole number between 0 and 500.";
        String share = "Enter a number between 0 and 100.";
        String date = "Enter a date as year-month-day, for example 2025-03-14.";
        String dateRange = "Enter a date between January 1, 2000 and December 31, 2030.";
        String yesNo = "Answer yes or no.";
        String choice = "Choose one of the options offered.";
        String choices = "Choose from the options offered, each at most once.";
        String rank = "Rank options from the list, each at most once.";
        String matrix = "Choose a value from the scale for each row.";
        String geopoint = "Enter a location: a latitude from -90 to 90 and a longitude from -180 to 180.";
        String linkage = "Choose firms or institutions from the list and tick their relations.";
        String relations = "Tick at least one relation from the list for each firm or institution.";
        return Stream.of(
                arguments("nickname", "42", text),
                arguments("nickname", "\"abcdefghijk\"", "Please shorten your answer to at most 10 characters (it has 11)."),
                arguments("story", "[\"a story\"]", text),
                arguments("staff", "1.5", staff),
                arguments("staff", "\"12\"", staff),
                arguments("staff", "501", staff),
                arguments("staff", "-1", staff),
                arguments("staff", "1e300", staff),
                arguments("share", "\"50\"", share),
                arguments("share", "100.5", share),
                arguments("opened", "\"2023-02-29\"", date),
                arguments("opened", "\"14/03/2024\"", date),
                arguments("opened", "\"2024-3-14\"", date),
                arguments("opened", "20240314", date),
                arguments("opened", "\"1999-12-31\"", dateRange),
                arguments("exports", "\"oui\"", yesNo),
                arguments("exports", "true", yesNo),
                arguments("colour", "\"purple\"", choice),
                arguments("colour", "[\"red\"]", choice),
                arguments("agreement", "\"4\"", choice),
                arguments("agreement", "3", choice),
                arguments("agreement", "\"other\"", choice),
                arguments("colours", "[\"red\"]", "Choose at least 2 options."),
                arguments("colours", "[\"red\", \"green\", \"blue\", \"other\"]", "Choose at most 3 options."),
                arguments("colours", "[\"red\", \"red\"]", choices),
                arguments("colours", "[\"red\", \"purple\"]", choices),
                arguments("colours", "\"red green\"", choices),
                arguments("ranking", "[\"red\", \"green\", \"blue\"]", "Rank at most 2 options."),
                arguments("ranking", "[\"red\", \"red\"]", rank),
                arguments("ranking", "[\"red\", 2]", rank),
                arguments("ratings", "{\"quality\": \"high\", \"taste\": \"low\"}", matrix),
                arguments("ratings", "{\"quality\": \"excellent\", \"price\": \"low\"}", matrix),
                arguments("ratings", "{\"quality\": 1, \"price\": \"low\"}", matrix),
                arguments("ratings", "{\"quality\": \"high\"}", "Please answer every row."),
                arguments("ratings", "[\"high\", \"low\"]", matrix),
                arguments("location", "{\"lat\": 91, \"lon\": 0}", geopoint),
                arguments("location", "{\"lat\": 0, \"lon\": -180.5}", geopoint),
                arguments("location", "{\"lat\": \"14.6\", \"lon\": \"-17.4\"}", geopoint),
                arguments("location", "{\"lat\": 0, \"lon\": 0, \"accuracy\": -1}", geopoint),
                arguments("location", "{\"lat\": 0, \"lon\": 0, \"altitude\": 10}", geopoint),
                arguments("location", "[14.6, -17.4]", geopoint),
                arguments("links", "[{\"actor\": 99, \"relations\": [\"buys_from\"]}]",
                        "One of the firms or institutions you chose is not in this study’s list."),
                arguments("links", "[{\"actor\": 12, \"relations\": [\"buys_from\"]}, {\"actor\": 12, \"relations\": [\"sells_to\"]}]",
                        "The same firm or institution is chosen twice."),
                arguments("links", "[{\"actor\": 12, \"relations\": []}]", relations),
                arguments("links", "[{\"actor\": 12}]", relations),
                arguments("links", "[{\"actor\": 12, \"relations\": [\"owns\"]}]", relations),
                arguments("links", "[{\"actor\": \"12\", \"relations\": [\"buys_from\"]}]", linkage),
                arguments("links", "[{\"actor\": 12.5, \"relations\": [\"buys_from\"]}]", linkage),
                arguments("links", "[{\"actor\": 12, \"relations\": [\"buys_from\"], \"note\": \"x\"}]", linkage),
                arguments("links", "[12, 34]", linkage),
                arguments("links", "{\"actor\": 12, \"relations\": [\"buys_from\"]}", linkage),
                arguments("founded", "1800", "A year between 1900 and 2030, please."),
                arguments("margin", "75", "This answer is not accepted. Please check it."));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("refusedAnswers")
    void refusesAnswerOfTheWrongShapeWithAPlainMessage(String question, String answer, String message) {
        SubmissionValidator.Result result = validate(TEMPLATE, with(VALID, question, value(answer)), "en");

        assertEquals(Map.of("/answers/" + question, message), errors(result));
        assertFalse(result.answers().containsKey(question), "a refused answer is not kept");
    }

    @Test
    void requiredQuestionLeftEmptyIsReportedWhateverEmptyLooksLike() {
        for (String empty : new String[] {"null", "\"\"", "[]", "{}"}) {
            SubmissionValidator.Result result = validate(TEMPLATE, with(VALID, "staff", value(empty)), "en");

            assertEquals(Map.of("/answers/staff", "Please answer this question."), errors(result), empty);
        }
        assertEquals(Map.of("/answers/staff", "Please answer this question."),
                errors(validate(TEMPLATE, with(VALID, "staff", null), "en")));
    }

    @Test
    void optionalQuestionsMayBeLeftEmptyAndAreThenNotStored() {
        JsonObject answers = with(with(with(with(VALID, "nickname", value("\"\"")), "colours", value("[]")),
                "location", value("{}")), "share", value("null"));

        SubmissionValidator.Result result = validate(TEMPLATE, answers, "en");

        assertEquals(Map.of(), errors(result));
        for (String question : new String[] {"nickname", "colours", "location", "share"}) {
            assertFalse(result.answers().containsKey(question), question);
        }
    }

    @Test
    void requiredMatrixNeedsEveryRowAndEmptyRowsAreNotAnswers() {
        assertEquals(Map.of("/answers/ratings", "Please answer this question."), errors(validate(TEMPLATE,
                with(VALID, "ratings", value("{\"quality\": null, \"price\": \"\"}")), "en")));
        assertEquals(Map.of("/answers/ratings", "Please answer every row."), errors(validate(TEMPLATE,
                with(VALID, "ratings", value("{\"quality\": \"low\", \"price\": null}")), "en")));
    }

    @Test
    void otherChoiceNeedsItsSpecificationWhichIsKeptExactly() {
        JsonObject chosen = with(VALID, "colour", value("\"other\""));

        assertEquals(Map.of("/answers/colour_other", "Please specify “Other”."),
                errors(validate(TEMPLATE, chosen, "en")));
        assertEquals(Map.of("/answers/colour_other", "Please write your answer as text."),
                errors(validate(TEMPLATE, with(chosen, "colour_other", value("7")), "en")));
        SubmissionValidator.Result specified = validate(TEMPLATE, with(chosen, "colour_other", value("\" Teal 🦚 \"")), "en");
        assertEquals(Map.of(), errors(specified));
        assertEquals(" Teal 🦚 ", specified.answers().getString("colour_other"));
    }

    @Test
    void otherInAMultipleChoiceNeedsItsSpecificationToo() {
        JsonObject chosen = with(VALID, "colours", value("[\"red\", \"other\"]"));

        assertEquals(Map.of("/answers/colours_other", "Please specify “Other”."),
                errors(validate(TEMPLATE, chosen, "en")));
        assertEquals(Map.of(), errors(validate(TEMPLATE, with(chosen, "colours_other", value("\"Ochre\"")), "en")));
    }

    @Test
    void specificationOfOtherIsDroppedWhenOtherIsNotChosen() {
        SubmissionValidator.Result result = validate(TEMPLATE, with(VALID, "colour_other", value("\"Teal\"")), "en");

        assertEquals(Map.of(), errors(result));
        assertFalse(result.answers().containsKey("colour_other"));
    }

    @Test
    void noteAnswersAreDroppedSilently() {
        SubmissionValidator.Result result = validate(TEMPLATE, with(VALID, "welcome", value("\"hello\"")), "en");

        assertEquals(Map.of(), errors(result));
        assertFalse(result.answers().containsKey("welcome"));
    }

    @Test
    void boundsInMessagesAreWrittenForTheRespondent() {
        TemplateModel template = Submissions.withItems("""
                {"type": "decimal", "name": "rate", "min": 0.5, LABEL},
                {"type": "integer", "name": "rooms", "max": 20, LABEL},
                {"type": "date", "name": "visit", "max": "2025-12-31", LABEL}
                """.replace("LABEL", Submissions.label("Q")));
        JsonObject answers = Submissions.json("{\"rate\": 0.25, \"rooms\": 21, \"visit\": \"2026-01-01\"}");

        assertEquals(Map.of("/answers/rate", "Enter a number of at least 0.5.",
                        "/answers/rooms", "Enter a whole number of at most 20.",
                        "/answers/visit", "Enter a date on or before December 31, 2025."),
                errors(validate(template, answers, "en")));
        assertEquals(Map.of("/answers/rate", "Saisissez un nombre supérieur ou égal à 0,5.",
                        "/answers/rooms", "Saisissez un nombre entier inférieur ou égal à 20.",
                        "/answers/visit", "Saisissez une date jusqu’au 31 décembre 2025 inclus."),
                errors(validate(template, answers, "fr")));
    }
}
