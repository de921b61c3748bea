package org.clusterlens.exports.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.forms.control.TemplateModel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two versions of one questionnaire (every question type, a repeat inside a repeat, a {@code pii}
 * question; the second adds a question and a choice and drops one) and three responses full of
 * the text that breaks exports: formulas, separators, quotes, line breaks, Arabic, emoji, bidi.
 */
final class ExportFixture {
    static final String FORMULA = "=1+1";
    static final String SEMICOLONS = "a;=1+1;b";
    static final String STORY = "Line one, \"quoted\"\nline two; three";
    static final String ARABIC = "مرحبا 🍞";
    static final String BIDI = "\u202Egnp.exe";
    static final String AT_FORMULA = "@SUM(A1)";
    static final String MACHINE_MINUS = "-2";

    static final ExportLayout.Version V1 = version("fixture-v1.json", 1);
    static final ExportLayout.Version V2 = version("fixture-v2.json", 2);

    static final ExportedResponse FIRST = response(101, V1, "en", """
            {"firm_name": "Boulangerie Ndiaye", "nickname": "=1+1", "story": %s, "staff": 12, "share": 37.5,
             "opened": "2012-02-29", "exports": "no", "colour": "other", "colour_other": "@SUM(A1)",
             "agreement": "3", "colours": ["red", "blue"], "ranking": ["blue", "red"],
             "ratings": {"quality": "high", "price": "low"}, "location": {"lat": 14.6937, "lon": -17.4441, "accuracy": 12},
             "links": [{"actor": 12, "relations": ["buys_from", "sells_to"]}, {"actor": 34, "relations": ["sells_to"]}],
             "founded": 1998, "margin": 12.25,
             "sites": [{"site_name": "a;=1+1;b", "site_staff": 4,
                        "machines": [{"machine": "Four 🔥", "machine_state": "high"}, {"machine": "-2", "machine_state": "low"}]},
                       {"site_name": "Thiès", "machines": []}]}
            """.formatted(Json.createValue(STORY).toString()));
    static final ExportedResponse SECOND = response(102, V2, "ar", """
            {"firm_name": "شركة النور", "nickname": "مرحبا 🍞", "certified": "yes", "staff": 3, "story": "\\u202Egnp.exe",
             "colours": ["yellow", "green"], "ratings": {"quality": "low", "price": "high"},
             "sites": [{"site_name": "مصنع", "machines": [{"machine": "فرن", "machine_state": "high"}]}]}
            """);
    static final ExportedResponse THIRD = response(103, V1, "fr", """
            {"staff": 1, "ratings": {"quality": "low", "price": "low"}}
            """);
    static final List<ExportedResponse> RESPONSES = List.of(FIRST, SECOND, THIRD);

    static final ExportLayout.Register REGISTER = new ExportLayout.Register() {
        @Override
        public String pseudonym(long actorId) {
            return "P-" + actorId;
        }

        @Override
        public String name(long actorId) {
            return Map.of(12L, "Atelier Sow", 34L, "Coopérative Fall").get(actorId);
        }
    };

    private ExportFixture() {
    }

    static ExportLayout layout(ExportOptions options, boolean identified) {
        return ExportLayout.of(List.of(V1, V2), options, identified ? Set.of() : Set.of("firm_name"), identified,
                REGISTER);
    }

    static byte[] export(ExportOptions options, boolean identified) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExportFiles(layout(options, identified), options).write(consumer -> {
            for (ExportedResponse response : RESPONSES) {
                consumer.accept(response);
            }
        }, out);
        return out.toByteArray();
    }

    static ExportOptions options(ExportOptions.Format format) {
        return new ExportOptions(format, false, null, true);
    }

    private static ExportedResponse response(long id, ExportLayout.Version version, String language, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject answers = reader.readObject();
            return new ExportedResponse(id, "P-" + id, "EXT-" + id, "Actor " + id, "firm",
                    Instant.parse("2026-11-0" + (id - 100) + "T10:15:30Z"), language, version, answers);
        }
    }

    private static ExportLayout.Version version(String file, int number) {
        try (InputStream in = ExportFixture.class.getResourceAsStream("/exports/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return new ExportLayout.Version("export-fixture", number, TemplateModel.from(reader.readObject()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
