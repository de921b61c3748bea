package org.clusterlens.exports.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Choice;
import org.clusterlens.forms.control.Group;
import org.clusterlens.forms.control.Item;
import org.clusterlens.forms.control.LocalizedText;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.QuestionType;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.control.Section;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.entity.ActorType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables of an export, lined up by question name across the template versions that a wave's
 * responses answered, and the rows each response gives them. The main table has one row per
 * response; each repeat (at any depth) and each linkage question has a table of its own, keyed by
 * the response and the entry's position at every level; the parent table counts the entries.
 */
public final class ExportLayout {
    public static final String MAIN = "answers";

    /** A template version as the layout reads it. */
    public record Version(String template, int number, TemplateModel model) {
        public String label() {
            return template + " v" + number;
        }
    }

    /** The actors a linkage question can pick, for a viewer who sees them by id and name. */
    public interface Register {
        String pseudonym(long actorId);

        String name(long actorId);
    }

    /** Where the rows go. */
    @FunctionalInterface
    public interface RowTarget {
        void row(ExportTable table, Object[] cells) throws IOException;
    }

    private final ExportTable main;
    private final List<String> languages;

    private ExportLayout(ExportTable main, List<String> languages) {
        this.main = main;
        this.languages = List.copyOf(languages);
    }

    /**
     * @param versions   every version the responses answered, oldest first (later ones win on wording)
     * @param withheld   question names the viewer may not see at all, which get no column
     * @param identified whether the viewer sees who answered
     */
    public static ExportLayout of(List<Version> versions, ExportOptions options, Set<String> withheld,
                                  boolean identified, Register register) {
        Set<String> languages = new LinkedHashSet<>();
        versions.forEach(v -> languages.addAll(v.model().languages()));
        if (options.language() != null && !languages.isEmpty() && !languages.contains(options.language())) {
            throw ProblemException.invalidField("lang", "The questionnaires are in " + String.join(", ", languages)
                    + "; there are no labels in \"" + options.language() + "\".");
        }
        TableBuilder main = new TableBuilder(MAIN, Optional.empty(), List.of());
        for (Version version : versions) {
            for (Section section : version.model().sections()) {
                collect(section.items(), main, version, withheld);
            }
        }
        return new ExportLayout(main.build(options, identified, register, List.copyOf(languages)),
                List.copyOf(languages));
    }

    private static void collect(List<Item> items, TableBuilder table, Version version, Set<String> withheld) {
        for (Item item : items) {
            switch (item) {
                case Question q when withheld.contains(q.name()) -> {
                    // not for this viewer's eyes
                }
                case Question q when q.type() == QuestionType.LINKAGE -> {
                    table.question(q.name()).add(q, version);
                    table.counts.add(q.name());
                    table.child(q.name()).linkage(q, version);
                }
                case Question q -> table.question(q.name()).add(q, version);
                case Group g -> collect(g.items(), table, version, withheld);
                case Repeat r -> {
                    table.question(r.name()).addRepeat(String.join(" and ", version.model().relevanceChain(r.name())),
                            version.label());
                    table.labels.put(r.name(), r.label());
                    table.counts.add(r.name());
                    collect(r.items(), table.child(r.name()), version, withheld);
                }
            }
        }
    }

    public ExportTable main() {
        return main;
    }

    /** Every table, the main one first, then each repeat and linkage table after its parent. */
    public List<ExportTable> tables() {
        return main.withDescendants();
    }

    /** The languages of the templates, in the order they first appear. */
    public List<String> languages() {
        return languages;
    }

    /** One response's rows: its row of the main table and, unless {@code mainOnly}, all its entries' rows. */
    public void rows(ExportedResponse response, RowTarget target, boolean mainOnly) throws IOException {
        walk(main, new EntryContext(response, response.answers(), new int[0]), target, mainOnly);
    }

    private static void walk(ExportTable table, EntryContext context, RowTarget target, boolean mainOnly)
            throws IOException {
        List<ExportColumn> columns = table.columns();
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = columns.get(i).reader().read(context);
        }
        target.row(table, cells);
        if (mainOnly) {
            return;
        }
        for (ExportTable child : table.children()) {
            if (!(context.entry().get(child.item().orElseThrow()) instanceof JsonArray entries)) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof JsonObject entry) {
                    int[] positions = Arrays.copyOf(context.positions(), context.positions().length + 1);
                    positions[positions.length - 1] = i + 1;
                    walk(child, new EntryContext(context.response(), entry, positions), target, false);
                }
            }
        }
    }

    /** The columns of one table while the versions are read. */
    private static final class TableBuilder {
        private final String name;
        private final Optional<String> parent;
        private final List<String> levels;
        private final Map<String, QuestionColumns> questions = new LinkedHashMap<>();
        private final Map<String, TableBuilder> children = new LinkedHashMap<>();
        private final Set<String> counts = new HashSet<>();
        private final Map<String, LocalizedText> labels = new LinkedHashMap<>();
        private Question linkage;
        private final Map<String, LocalizedText> relations = new LinkedHashMap<>();
        private final List<String> linkageVersions = new ArrayList<>();

        TableBuilder(String name, Optional<String> parent, List<String> levels) {
            this.name = name;
            this.parent = parent;
            this.levels = levels;
        }

        QuestionColumns question(String question) {
            return questions.computeIfAbsent(question, QuestionColumns::new);
        }

        TableBuilder child(String item) {
            List<String> inner = new ArrayList<>(levels);
            inner.add(item);
            return children.computeIfAbsent(item, n -> new TableBuilder(n, Optional.of(name), inner));
        }

        void linkage(Question q, Version version) {
            linkage = q;
            linkageVersions.add(version.label());
            q.choiceList().flatMap(version.model()::choiceList)
                    .ifPresent(list -> list.choices().forEach(c -> relations.put(c.value(), c.label())));
        }

        ExportTable build(ExportOptions options, boolean identified, Register register, List<String> languages) {
            List<ExportColumn> columns = new ArrayList<>(keys(identified, languages));
            if (linkage != null) {
                columns.addAll(linkageColumns(options, identified, register, languages));
            } else {
                questions.forEach((question, builder) -> {
                    if (counts.contains(question)) {
                        LocalizedText label = labels.getOrDefault(question, text(languages, question));
                        columns.add(builder.count(children.get(question).linkage != null ? "linkage" : "repeat",
                                label));
                    } else {
                        columns.addAll(builder.columns(options, identified));
                    }
                });
            }
            List<ExportTable> tables = children.values().stream()
                    .map(child -> child.build(options, identified, register, languages)).toList();
            return new ExportTable(name, levels.isEmpty() ? Optional.empty() : Optional.of(name), parent,
                    unique(columns), tables);
        }

        private List<ExportColumn> keys(boolean identified, List<String> languages) {
            List<ExportColumn> keys = new ArrayList<>();
            keys.add(fixed("response_id", CellType.NUMBER, languages, "Response", List.of(),
                    e -> BigDecimal.valueOf(e.response().id())));
            if (levels.isEmpty()) {
                keys.add(fixed("actor_pseudonym", CellType.TEXT, languages, "Actor's pseudonym", List.of(),
                        e -> e.response().pseudonym()));
                if (identified) {
                    keys.add(fixed("actor_external_id", CellType.TEXT, languages, "Actor's id in the register",
                            List.of(), e -> e.response().externalId()));
                    keys.add(fixed("actor_name", CellType.TEXT, languages, "Actor's name", List.of(),
                            e -> e.response().actorName()));
                }
                keys.add(fixed("actor_type", CellType.TEXT, languages, "Actor type", actorTypes(languages),
                        e -> e.response().actorType()));
                keys.add(fixed("template", CellType.TEXT, languages, "Questionnaire", List.of(),
                        e -> e.response().version().template()));
                keys.add(fixed("template_version", CellType.NUMBER, languages, "Questionnaire version", List.of(),
                        e -> BigDecimal.valueOf(e.response().version().number())));
                keys.add(fixed("submitted_at", CellType.TIMESTAMP, languages, "Submitted at (UTC)", List.of(),
                        e -> e.response().submittedAt()));
                keys.add(fixed("language", CellType.TEXT, languages, "Language answered in", List.of(),
                        e -> e.response().language()));
            }
            for (int level = 0; level < levels.size(); level++) {
                int at = level;
                keys.add(fixed(levels.get(level) + "_index", CellType.NUMBER, languages,
                        "Position in " + levels.get(level), List.of(), e -> BigDecimal.valueOf(e.positions()[at])));
            }
            return keys;
        }

        private List<ExportColumn> linkageColumns(ExportOptions options, boolean identified, Register register,
                                                  List<String> languages) {
            List<ExportColumn> columns = new ArrayList<>();
            String q = linkage.name();
            Function<EntryContext, JsonValue> actor = e -> e.entry().get("actor");
            columns.add(linked("actor_pseudonym", CellType.TEXT, languages, "Actor picked (pseudonym)", e ->
                    actor.apply(e) instanceof JsonNumber id ? register.pseudonym(id.longValue())
                            : Cells.any(actor.apply(e))));
            if (identified) {
                columns.add(linked("actor_id", CellType.NUMBER, languages, "Actor picked (register id)",
                        e -> actor.apply(e) instanceof JsonNumber id ? id.bigDecimalValue() : null));
                columns.add(linked("actor_name", CellType.TEXT, languages, "Actor picked (name)",
                        e -> actor.apply(e) instanceof JsonNumber id ? register.name(id.longValue()) : null));
            }
            if (options.splitMultiple()) {
                relations.forEach((value, label) -> columns.add(linked("relation_" + value, CellType.NUMBER,
                        QuestionColumns.joined(linkage.label().orElse(text(languages, q)), label), List.of(), e ->
                                e.entry().get("relations") instanceof JsonArray r
                                        ? (Cells.strings(r).contains(value) ? BigDecimal.ONE : BigDecimal.ZERO) : null)));
            } else {
                List<Choice> valueLabels = relations.entrySet().stream()
                        .map(r -> new Choice(r.getKey(), r.getValue())).toList();
                columns.add(linked("relations", CellType.TEXT, linkage.label().orElse(text(languages, q)),
                        options.labels() ? List.of() : valueLabels, e -> {
                            if (!(e.entry().get("relations") instanceof JsonArray r)) {
                                return null;
                            }
                            List<String> values = Cells.strings(r);
                            return options.labels()
                                    ? String.join("; ", values.stream().map(v -> relations.containsKey(v)
                                    ? relations.get(v).in(language(options, languages), languages.getFirst()) : v).toList())
                                    : String.join(" ", values);
                        }));
            }
            return columns;
        }

        private static String language(ExportOptions options, List<String> languages) {
            return options.language() != null ? options.language() : languages.getFirst();
        }

        private ExportColumn linked(String column, CellType type, List<String> languages, String label,
                                    ExportColumn.ValueReader reader) {
            return linked(column, type, text(languages, label), List.of(), reader);
        }

        private ExportColumn linked(String column, CellType type, LocalizedText label, List<Choice> choices,
                                    ExportColumn.ValueReader reader) {
            return new ExportColumn(column, type, Optional.of(linkage.name()), "linkage", label, choices, "",
                    linkageVersions, reader);
        }

        private static ExportColumn fixed(String column, CellType type, List<String> languages, String label,
                                          List<Choice> choices, ExportColumn.ValueReader reader) {
            return new ExportColumn(column, type, Optional.empty(), "", text(languages, label), choices, "", List.of(),
                    reader);
        }

        private static List<Choice> actorTypes(List<String> languages) {
            return Arrays.stream(ActorType.values()).map(t -> new Choice(t.name(), text(languages, t.name()))).toList();
        }

        private static LocalizedText text(List<String> languages, String text) {
            Map<String, String> texts = new LinkedHashMap<>();
            (languages.isEmpty() ? List.of("en") : languages).forEach(language -> texts.put(language, text));
            return new LocalizedText(texts);
        }

        /** Two columns may not share a name: {@code q_a} of a choice and a question called {@code q_a}. */
        private static List<ExportColumn> unique(List<ExportColumn> columns) {
            Set<String> used = new HashSet<>();
            List<ExportColumn> result = new ArrayList<>(columns.size());
            for (ExportColumn c : columns) {
                String name = c.name();
                for (int n = 2; !used.add(name); n++) {
                    name = c.name() + "_" + n;
                }
                result.add(name.equals(c.name()) ? c : new ExportColumn(name, c.type(), c.question(), c.questionType(),
                        c.label(), c.choices(), c.relevance(), c.versions(), c.reader()));
            }
            return result;
        }
    }
}
