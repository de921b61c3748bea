package org.clusterlens.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.responses.control.SubmissionValidator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export benchmark's answers are ones the server accepts, and cover what the template asks. */
class AnswerGeneratorTest {

    private static JsonObject shipped(String name) throws IOException {
        Path file = Path.of(System.getProperty("clusterlens.formsDir", "forms"), name + ".json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no shipped template at " + file.toAbsolutePath());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    @Test
    void everyGeneratedFirmDiagnosticIsValid() throws IOException {
        JsonObject template = shipped("firm-diagnostic");
        SubmissionValidator validator = new SubmissionValidator(TemplateModel.from(template));
        AnswerGenerator generator = new AnswerGenerator(template);
        List<Long> register = LongStream.rangeClosed(1000, 1200).boxed().toList();
        Set<Long> known = Set.copyOf(register);
        Random random = new Random(42);
        Set<String> answered = new HashSet<>();
        int refusals = 0;
        for (int i = 0; i < 2_000; i++) {
            JsonObject answers = generator.answers(random, register, i % 3 != 0);
            SubmissionValidator.Result result = validator.validate(answers, "fr", LocalDate.of(2026, 12, 1), ids -> {
                Set<Long> among = new HashSet<>(ids);
                among.retainAll(known);
                return among;
            });
            assertEquals(List.of(), result.errors(), () -> "answers " + answers);
            answered.addAll(result.answers().keySet());
            if (result.answers().getString("consent").equals("no")) {
                refusals++;
            }
        }
        // every question with an answer was answered by someone, "Other" specified included
        for (String question : List.of("interview_date", "respondent_role_other", "year_founded", "employees_total",
                "energy_share", "workshop_location", "export_destinations", "quality_problem_details", "trainings",
                "refusal_reasons", "institution_satisfaction", "firm_linkages", "trust_keep_word", "constraint_ranking",
                "joint_action_types", "follow_up_contact")) {
            assertTrue(answered.contains(question), question);
        }
        assertTrue(refusals > 0 && refusals < 100, "refusals " + refusals);
    }

    @Test
    void theSameSeedGivesTheSameAnswers() throws IOException {
        AnswerGenerator generator = new AnswerGenerator(shipped("firm-diagnostic"));
        List<Long> register = List.of(7L, 8L, 9L);
        assertEquals(generator.answers(new Random(7), register, true), generator.answers(new Random(7), register, true));
    }
}
