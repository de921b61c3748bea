package org.clusterlens.exports.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Choice;
import org.clusterlens.forms.control.LocalizedText;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.QuestionType;
import org.clusterlens.forms.control.TemplateModel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of one question, lined up across the template versions that have it: the latest
 * version's wording and relevance, and every choice and matrix row that any version offered.
 */
final class QuestionColumns {
    private static final Map<String, String> OTHER = Map.of("en", "Other", "fr", "Autre", "es", "Otro",
            "pt", "Outro", "ar", "أخرى");

    private final String name;
    private Question question;
    private String defaultLanguage;
    private String relevance = "";
    private final Map<String, LocalizedText> choices = new LinkedHashMap<>();
    private final Map<String, LocalizedText> rows = new LinkedHashMap<>();
    private final List<String> versions = new ArrayList<>();
    private final Map<String, Set<ExportLayout.Version>> offeredIn = new HashMap<>();

    QuestionColumns(String name) {
        this.name = name;
    }

    void add(Question q, ExportLayout.Version version) {
        TemplateModel model = version.model();
        question = q;
        defaultLanguage = model.defaultLanguage();
        relevance = String.join(" and ", model.relevanceChain(q.name()));
        versions.add(version.label());
        q.choiceList().flatMap(model::choiceList)
                .ifPresent(list -> list.choices().forEach(c -> offer(c.value(), c.label(), version)));
        if (q.other()) {
            offer("other", choices.containsKey("other") ? choices.get("other") : other(model.languages()), version);
        }
        if (q.definition().get("rows") instanceof JsonArray matrixRows) {
            for (JsonObject row : matrixRows.getValuesAs(JsonObject.class)) {
                rows.put(row.getString("name"), text(row.getJsonObject("label")));
            }
        }
    }

    private void offer(String value, LocalizedText label, ExportLayout.Version version) {
        choices.put(value, label);
        offeredIn.computeIfAbsent(value, v -> new HashSet<>()).add(version);
    }

    void addRepeat(String relevanceChain, String version) {
        relevance = relevanceChain;
        versions.add(version);
    }

    /** The column in the parent table of a repeat or linkage question: how many entries it has. */
    ExportColumn count(String kind, LocalizedText label) {
        return column(name, CellType.NUMBER, kind, label, List.of(), entry -> entry.entry().get(name) instanceof JsonArray a
                ? (Object) BigDecimal.valueOf(a.size()) : null);
    }

    List<ExportColumn> columns(ExportOptions options, boolean identified) {
        LocalizedText label = question.label().orElse(new LocalizedText(Map.of(defaultLanguage, name)));
        List<ExportColumn> columns = new ArrayList<>();
        switch (question.type()) {
            case NOTE, LINKAGE -> {
                // a note has no answer; a linkage question's picks are a table of their own
            }
            case INTEGER, DECIMAL -> columns.add(column(name, CellType.NUMBER, label, List.of(),
                    entry -> Cells.any(entry.entry().get(name))));
            case DATE -> columns.add(column(name, CellType.DATE, label, List.of(),
                    entry -> Cells.date(entry.entry().get(name))));
            case SELECT_ONE, LIKERT -> columns.add(choiceColumn(name, label, options,
                    entry -> entry.entry().get(name)));
            case SELECT_MULTIPLE, RANK -> columns.addAll(multiple(label, options));
            case MATRIX -> rows.forEach((row, rowLabel) -> columns.add(choiceColumn(name + "_" + row,
                    joined(label, rowLabel), options,
                    entry -> entry.entry().get(name) instanceof JsonObject o ? o.get(row) : null)));
            case GEOPOINT -> {
                for (String axis : identified ? List.of("lat", "lon", "accuracy") : List.of("lat", "lon")) {
                    columns.add(column(name + "_" + axis, CellType.NUMBER, joined(label, plain(axis)), List.of(),
                            entry -> entry.entry().get(name) instanceof JsonObject o ? Cells.any(o.get(axis)) : null));
                }
            }
            default -> columns.add(column(name, CellType.TEXT, label, List.of(),
                    entry -> Cells.any(entry.entry().get(name))));
        }
        if (question.other()) {
            // the answer's key is q_other; the column is q_other_text, since q_other is the 0/1 of the choice
            String otherKey = name + "_other";
            columns.add(column(otherKey + "_text", CellType.TEXT, joined(label, choices.get("other")), List.of(),
                    entry -> Cells.any(entry.entry().get(otherKey))));
        }
        return columns;
    }

    private List<ExportColumn> multiple(LocalizedText label, ExportOptions options) {
        boolean rank = question.type() == QuestionType.RANK;
        if (!options.splitMultiple()) {
            return List.of(column(name, CellType.TEXT, label, options.labels() ? List.of() : choiceList(), entry -> {
                if (!(entry.entry().get(name) instanceof JsonArray picked)) {
                    return Cells.any(entry.entry().get(name));
                }
                List<String> values = Cells.strings(picked);
                return options.labels()
                        ? String.join("; ", values.stream().map(v -> label(v, options)).toList())
                        : String.join(" ", values);
            }));
        }
        List<ExportColumn> columns = new ArrayList<>();
        choices.forEach((value, choiceLabel) -> {
            JsonString choice = Json.createValue(value);
            columns.add(column(name + "_" + value, CellType.NUMBER, joined(label, choiceLabel), List.of(), entry -> {
                JsonValue answer = entry.entry().get(name);
                if (!(answer instanceof JsonArray || answer instanceof JsonString)
                        || !offeredIn.get(value).contains(entry.response().version())) {
                    return null;
                }
                // a single value is a version's select_one, since turned into a select_multiple
                int position = answer instanceof JsonArray picked ? picked.indexOf(choice) : answer.equals(choice) ? 0 : -1;
                if (rank) {
                    return position < 0 ? null : BigDecimal.valueOf(position + 1L);
                }
                return position < 0 ? BigDecimal.ZERO : BigDecimal.ONE;
            }));
        });
        return columns;
    }

    private ExportColumn choiceColumn(String column, LocalizedText label, ExportOptions options,
                                      Function<EntryContext, JsonValue> value) {
        return column(column, CellType.TEXT, label, options.labels() ? List.of() : choiceList(), entry -> {
            JsonValue answer = value.apply(entry);
            return options.labels() && answer instanceof JsonString s ? label(s.getString(), options) : Cells.any(answer);
        });
    }

    private String label(String value, ExportOptions options) {
        LocalizedText label = choices.get(value);
        return label == null ? value : label.in(options.language() == null ? defaultLanguage : options.language(),
                defaultLanguage);
    }

    private List<Choice> choiceList() {
        return choices.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    private ExportColumn column(String column, CellType type, LocalizedText label, List<Choice> valueLabels,
                                ExportColumn.ValueReader reader) {
        return column(column, type, question.type().jsonName(), label, valueLabels, reader);
    }

    private ExportColumn column(String column, CellType type, String kind, LocalizedText label,
                                List<Choice> valueLabels, ExportColumn.ValueReader reader) {
        return new ExportColumn(column, type, Optional.of(name), kind, label, valueLabels, relevance, versions, reader);
    }

    static LocalizedText joined(LocalizedText question, LocalizedText part) {
        if (part == null) {
            return question;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        question.translations().forEach((language, text) -> texts.put(language,
                text + ": " + part.in(language, part.translations().keySet().stream().findFirst().orElse(language))));
        return new LocalizedText(texts);
    }

    private static LocalizedText plain(String text) {
        return new LocalizedText(Map.of("en", text));
    }

    private static LocalizedText other(List<String> languages) {
        Map<String, String> texts = new LinkedHashMap<>();
        languages.forEach(language -> texts.put(language, OTHER.getOrDefault(language.split("-")[0], "Other")));
        return new LocalizedText(texts);
    }

    private static LocalizedText text(JsonObject translations) {
        Map<String, String> texts = new LinkedHashMap<>();
        translations.forEach((language, text) -> texts.put(language, ((JsonString) text).getString()));
        return new LocalizedText(texts);
    }
}
