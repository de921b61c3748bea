package org.clusterlens.responses.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Group;
import org.clusterlens.forms.control.Item;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.control.Section;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Csv;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Raw answers, one row per submitted response and one column per question name, lined up by name
 * across template versions. Repeats stay one column of JSON text. UTF-8 with a byte order mark,
 * without which Excel reads the accents as Latin-1. For a viewer who does not see identities the
 * actor's id and name columns and the {@code pii} questions' columns are not there at all, and the
 * other answers are masked as {@link AnswerDisclosure} does.
 */
public final class AnswersCsv {
    public static final List<String> FIXED_COLUMNS = List.of("response_id", "actor_pseudonym", "actor_external_id",
            "actor_name", "actor_type", "submitted_at", "language");
    private static final List<String> IDENTITY_COLUMNS = List.of("actor_external_id", "actor_name");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private AnswersCsv() {
    }

    public static byte[] write(List<Response> responses, Viewer viewer) {
        AnswerDisclosure disclosure = new AnswerDisclosure(viewer);
        Map<Long, TemplateVersion> versions = new TreeMap<>();
        responses.forEach(r -> versions.putIfAbsent(r.templateVersion().id(), r.templateVersion()));
        Set<String> columns = new LinkedHashSet<>();
        versions.values().stream()
                .sorted(Comparator.comparing(TemplateVersion::templateId).thenComparing(TemplateVersion::versionNumber))
                .forEach(v -> TemplateModel.from(Templates.document(v)).sections().stream()
                        .map(Section::items).forEach(items -> columns(items, columns)));
        versions.values().forEach(v -> columns.removeIf(column -> disclosure.withholds(v, column)));
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        if (!disclosure.identified()) {
            header.removeAll(IDENTITY_COLUMNS);
        }
        header.addAll(columns);
        out.append(Csv.row(header));
        for (Response response : responses) {
            Actor actor = response.invitation().actor();
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(response.id()));
            row.add(viewer.pseudonym(actor));
            if (disclosure.identified()) {
                row.add(safe(actor.externalId()));
                row.add(safe(actor.name()));
            }
            row.add(actor.type().name());
            row.add(String.valueOf(response.submittedAt()));
            row.add(response.language());
            JsonObject answers = disclosure.answers(response);
            for (String column : columns) {
                row.add(cell(answers.get(column)));
            }
            out.append(Csv.row(row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void columns(List<Item> items, Set<String> columns) {
        for (Item item : items) {
            switch (item) {
                case Question q when q.type().hasAnswer() -> {
                    columns.add(q.name());
                    if (q.other()) {
                        columns.add(q.name() + "_other");
                    }
                }
                case Question q -> {
                    // a note has no answer
                }
                case Group g -> columns(g.items(), columns);
                case Repeat r -> columns.add(r.name());
            }
        }
    }

    static String cell(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return switch (value) {
            case JsonString s -> safe(s.getString());
            // a number is never a formula, and a negative one must stay a number
            case JsonNumber n -> n.toString();
            case JsonArray a when a.stream().allMatch(v -> v instanceof JsonString) ->
                    safe(String.join(" ", a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
            default -> safe(value.toString());
        };
    }

    /** A spreadsheet runs a cell that starts like a formula; the quote makes it text. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
