package org.clusterlens.forms.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/** JSON documents for tests. */
final class Documents {

    static final String LABEL = "\"label\": {\"en\": \"Label\", \"fr\": \"Libellé\"}";

    private Documents() {
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject fixture(String name) {
        try (InputStream in = Documents.class.getResourceAsStream("/forms-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid bilingual (en, fr) template with list "yn" and one section "s" holding {@code items}. */
    static JsonObject withItems(String items) {
        return parse("""
                {"id": "test-form", "title": {"en": "Test", "fr": "Essai"},
                 "languages": ["en", "fr"], "defaultLanguage": "en",
                 "choiceLists": {"yn": [{"value": "y", "label": {"en": "Yes", "fr": "Oui"}},
                                        {"value": "n", "label": {"en": "No", "fr": "Non"}}]},
                 "sections": [{"name": "s", "title": {"en": "Section", "fr": "Section"}, "items": [ITEMS]}]}
                """.replace("ITEMS", items));
    }
}
