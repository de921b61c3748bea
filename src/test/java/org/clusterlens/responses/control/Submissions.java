package org.clusterlens.responses.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.clusterlens.forms.control.TemplateModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Templates, answers and a validator for submission tests. */
final class Submissions {

    /** Looked up once: JSON.createX() looks the provider up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();
    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    /** The study's register that linkage answers pick from. */
    static final LinkableActors REGISTER = register(Set.of(12L, 34L, 56L));

    private Submissions() {
    }

    /** A register holding exactly these actors. */
    static LinkableActors register(Set<Long> actorIds) {
        return named -> named.stream().filter(actorIds::contains).collect(Collectors.toUnmodifiableSet());
    }

    static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonValue value(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject resource(String name) {
        try (InputStream in = Submissions.class.getResourceAsStream("/submissions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource submissions/" + name);
            }
            try (JsonReader reader = JSON.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid template in English and French (default English) whose one section "main" holds
     * {@code items}; it has the choice list "colours" (red, green, blue).
     */
    static TemplateModel withItems(String items) {
        return TemplateModel.from(json("""
                {"id": "test-form", "title": {"en": "Test", "fr": "Essai"},
                 "languages": ["en", "fr"], "defaultLanguage": "en",
                 "choiceLists": {"colours": [{"value": "red", "label": {"en": "Red", "fr": "Rouge"}},
                                             {"value": "green", "label": {"en": "Green", "fr": "Vert"}},
                                             {"value": "blue", "label": {"en": "Blue", "fr": "Bleu"}}]},
                 "sections": [{"name": "main", "title": {"en": "Main", "fr": "Principal"}, "items": [ITEMS]}]}
                """.replace("ITEMS", items)));
    }

    /** The bilingual label every inline question needs. */
    static String label(String english) {
        return "\"label\": {\"en\": \"" + english + "\", \"fr\": \"" + english + " (fr)\"}";
    }

    static SubmissionValidator.Result validate(TemplateModel template, JsonObject answers, String language) {
        return new SubmissionValidator(template).validate(answers, language, TODAY, REGISTER);
    }

    static SubmissionValidator.Result validate(TemplateModel template, String answers) {
        return validate(template, json(answers), "en");
    }

    /** Pointer → message, in the order reported. */
    static Map<String, String> errors(SubmissionValidator.Result result) {
        return result.errors().stream().collect(Collectors.toMap(SubmissionValidator.AnswerError::pointer,
                SubmissionValidator.AnswerError::message, (first, second) -> first + " | " + second,
                LinkedHashMap::new));
    }

    static JsonObject with(JsonObject answers, String name, JsonValue value) {
        JsonObjectBuilder builder = JSON.createObjectBuilder(answers);
        return value == null ? builder.remove(name).build() : builder.add(name, value).build();
    }
}
