package org.clusterlens.themes.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.clusterlens.themes.control.codebook.CodedAnswers;
import org.clusterlens.themes.control.codebook.ThemeTable;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.time.Instant;
import java.util.Map;

/** The wire shapes of the codebook. */
public final class CodebookViews {
    private CodebookViews() {
    }

    /** {@code answerCount}: the answers of the theme the viewer can see, as the index holds them now. */
    public record ThemeView(long id, String name, String description, Long parentId, String query, String origin,
                            Integer answerCount, String createdBy, Instant createdAt, String updatedBy,
                            Instant updatedAt, long version) {
        static ThemeView of(Theme t, Integer answerCount) {
            return new ThemeView(t.id(), t.name(), t.description(), t.parentId(), t.query(), t.origin().name(),
                    answerCount, t.createdBy(), t.createdAt(), t.updatedBy(), t.updatedAt(), t.version());
        }
    }

    /** {@code code}: {@code in} or {@code out}. */
    public record CodeView(long themeId, String answerKey, long responseId, String code, String codedBy, Instant codedAt) {
        static CodeView of(HandCode c) {
            return new CodeView(c.themeId(), c.answerKey(), c.responseId(), c.codedIn() ? "in" : "out", c.codedBy(),
                    c.codedAt());
        }
    }

    /**
     * Built by hand rather than bound, because a suppressed cell must say {@code "answers": null}
     * (JSON-B leaves nulls out), and a category without a value (no sector) is {@code null} too.
     */
    static JsonObject counts(CodedAnswers.By by, int k, boolean complete, ThemeTable.Table table,
                             Map<Long, Theme> themes, Map<Long, String> waves) {
        JsonArrayBuilder categories = Json.createArrayBuilder();
        table.categories().forEach(c -> categories.add(category(Json.createObjectBuilder(), c, by, waves)));
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (ThemeTable.Row row : table.rows()) {
            JsonArrayBuilder cells = Json.createArrayBuilder();
            row.cells().forEach(c -> cells.add(cell(category(Json.createObjectBuilder(), c.category(), by, waves),
                    c.answers(), c.suppressed())));
            rows.add(Json.createObjectBuilder().add("themeId", row.themeId()).add("name", themes.get(row.themeId()).name())
                    .add("total", cell(Json.createObjectBuilder(), row.total().answers(), row.total().suppressed()))
                    .add("cells", cells));
        }
        JsonArrayBuilder pairs = Json.createArrayBuilder();
        for (ThemeTable.Pair pair : table.cooccurrence()) {
            pairs.add(cell(Json.createObjectBuilder()
                    .add("themes", Json.createArrayBuilder().add(pair.first()).add(pair.second()))
                    .add("names", Json.createArrayBuilder().add(themes.get(pair.first()).name())
                            .add(themes.get(pair.second()).name())), pair.answers(), pair.suppressed()));
        }
        return Json.createObjectBuilder().add("by", by.name()).add("k", k).add("complete", complete)
                .add("categories", categories).add("themes", rows).add("cooccurrence", pairs).build();
    }

    private static JsonObjectBuilder category(JsonObjectBuilder b, String value, CodedAnswers.By by, Map<Long, String> waves) {
        if (value == null) {
            return b.addNull("value").addNull("label");
        }
        b.add("value", value);
        String label = by == CodedAnswers.By.wave ? waves.get(Long.parseLong(value)) : value;
        return label == null ? b.addNull("label") : b.add("label", label);
    }

    private static JsonObjectBuilder cell(JsonObjectBuilder b, Integer answers, boolean suppressed) {
        return (answers == null ? b.addNull("answers") : b.add("answers", answers)).add("suppressed", suppressed);
    }
}
