package org.clusterlens.responses.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.forms.control.TemplateModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.clusterlens.responses.control.Submissions.JSON;
import static org.clusterlens.responses.control.Submissions.errors;
import static org.clusterlens.responses.control.Submissions.resource;
import static org.clusterlens.responses.control.Submissions.validate;
import static org.clusterlens.responses.control.Submissions.value;
import static org.clusterlens.responses.control.Submissions.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A complete, realistic interview with the shipped firm diagnostic, as a field agent would submit it. */
class SubmissionFirmDiagnosticTest {

    private TemplateModel template;
    private final JsonObject interview = resource("firm-diagnostic-answers.json");

    @BeforeEach
    void readShippedTemplate() throws IOException {
        Path file = Path.of(System.getProperty("clusterlens.formsDir", "forms"), "firm-diagnostic.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no shipped template at " + file.toAbsolutePath());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader reader = JSON.createReader(in)) {
            template = TemplateModel.from(reader.readObject());
        }
    }

    @Test
    void completeInterviewIsValidAndKeptWithCalculationsRecomputed() {
        SubmissionValidator.Result result = validate(template, interview, "fr");

        assertEquals(Map.of(), errors(result));
        JsonObject expected = JSON.createObjectBuilder(interview)
                .add("employees_total", 7)
                .add("size_band", "micro")
                .add("sales_share_total", 100)
                .add("training_course_count", 2)
                .build();
        assertEquals(expected, result.answers());
    }

    @Test
    void refusingConsentKeepsOnlyTheFirstPage() {
        SubmissionValidator.Result result = validate(template, with(interview, "consent", value("\"no\"")), "fr");

        assertEquals(Map.of(), errors(result));
        assertEquals(JSON.createObjectBuilder()
                .add("interview_date", "2025-03-10")
                .add("respondent_role", "other")
                .add("respondent_role_other", "Fille du propriétaire, gère la caisse")
                .add("consent", "no")
                .build(), result.answers());
    }

    @Test
    void threeMistakesGiveThreeErrorsInTheRespondentsLanguage() {
        JsonObject trainings = JSON.createObjectBuilder()
                .add("trainings", JSON.createArrayBuilder()
                        .add(interview.getJsonArray("trainings").get(0))
                        .add(JSON.createObjectBuilder().add("training_days", 2)))
                .build();
        JsonObject broken = with(with(with(interview,
                "sales_export", value("20")),
                "firm_linkages", value("[{\"actor\": 99, \"relations\": [\"buys_from\"]}]")),
                "trainings", trainings.get("trainings"));

        SubmissionValidator.Result result = validate(template, broken, "fr");

        String salesMessage = template.question("sales_export").orElseThrow()
                .constraintMessage().orElseThrow().in("fr", "en");
        assertEquals(Map.of(
                        "/answers/sales_export", salesMessage,
                        "/answers/trainings/1/training_topic", "Veuillez répondre à cette question.",
                        "/answers/firm_linkages",
                        "L’une des entreprises ou institutions choisies ne figure pas dans la liste de cette étude."),
                errors(result));
    }
}
