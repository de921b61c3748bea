package org.clusterlens.themes.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.forms.control.TemplateModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/** The questionnaire of the themes tests (every kind of free text, repeats in repeats) and responses to it. */
final class TestAnswers {
    static final TemplateModel TEMPLATE = TemplateModel.from(read("/themes/open-answers.json"));

    private TestAnswers() {
    }

    static JsonObject json(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static List<FreeText> freeTexts(String answers) {
        return new FreeTextAnswers(TEMPLATE).of(json(answers));
    }

    /** A submitted response of study 1, wave 10, by a firm, with one main_problem answer. */
    static IndexedResponse response(long id, String language, String mainProblem) {
        return response(id, 1, language, freeTexts("{\"main_problem\": " + jsonString(mainProblem) + "}"));
    }

    static IndexedResponse response(long id, long studyId, String language, List<FreeText> answers) {
        return new IndexedResponse(id, true, studyId, 10, "open-answers", 1, language, "firm", "bakery", "small",
                100 + id, "P-" + (1000 + id), answers);
    }

    static String jsonString(String s) {
        return Json.createArrayBuilder().add(s).build().toString().replaceAll("^\\[|]$", "");
    }

    private static JsonObject read(String resource) {
        try (InputStream in = TestAnswers.class.getResourceAsStream(resource); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
