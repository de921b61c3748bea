package org.clusterlens.themes.control.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.themes.entity.Theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Themes from a codebook file ({@link CodebookFile}) into a study's codebook, all or none. */
@ApplicationScoped
@Transactional
public class CodebookImport {
    @Inject
    Codebook codebook;

    /**
     * Adds the themes of a file to the codebook, parents before their children, or none of them:
     * every bad line is reported by line and column first. A name the codebook already has is a
     * bad line, not an update, so that importing the same file twice changes nothing.
     */
    public List<Theme> importFile(Viewer viewer, CodebookFile.Read read) {
        codebook.lockStudy(viewer.studyId());
        List<FieldError> errors = new ArrayList<>(read.errors());
        Map<String, Theme> existing = new LinkedHashMap<>();
        codebook.themes(viewer.studyId()).forEach(t -> existing.put(Theme.nameKey(t.name()), t));
        Map<String, CodebookFile.Row> inFile = new LinkedHashMap<>();
        for (CodebookFile.Row row : read.rows()) {
            String at = "line " + row.line() + ", column ";
            var draft = new ThemeRules.Draft(row.name(), row.description(), row.query(), null);
            for (FieldError e : codebook.problems(viewer.studyId(), draft, "")) {
                errors.add(new FieldError(at + e.field().substring(1), e.message(), e.position()));
            }
            if (row.name() == null || row.name().isBlank()) {
                continue;
            }
            String key = Theme.nameKey(row.name());
            CodebookFile.Row first = inFile.putIfAbsent(key, row);
            if (first != null) {
                errors.add(new FieldError(at + "name", "“" + row.name() + "” is also on line " + first.line() + "."));
            } else if (existing.containsKey(key)) {
                errors.add(new FieldError(at + "name", "The codebook already has a theme “" + existing.get(key).name() + "”."));
            }
        }
        for (CodebookFile.Row row : read.rows()) {
            if (row.parent() == null) {
                continue;
            }
            String at = "line " + row.line() + ", column parent";
            CodebookFile.Row parentRow = inFile.get(Theme.nameKey(row.parent()));
            Theme parentTheme = existing.get(Theme.nameKey(row.parent()));
            if (parentRow == null && parentTheme == null) {
                errors.add(new FieldError(at, "No theme is named “" + row.parent() + "”, in the file or the codebook."));
            } else if ((parentRow != null && parentRow.parent() != null) || (parentRow == null && parentTheme.parentId() != null)) {
                errors.add(new FieldError(at, "“" + row.parent() + "” is itself under another theme: the codebook has two levels."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The file has " + errors.size() + " problem(s); nothing was imported.", errors);
        }
        List<Theme> created = new ArrayList<>();
        Map<String, Theme> byName = new LinkedHashMap<>(existing);
        List<CodebookFile.Row> ordered = new ArrayList<>(read.rows().stream().filter(r -> r.parent() == null).toList());
        ordered.addAll(read.rows().stream().filter(r -> r.parent() != null).toList());
        for (CodebookFile.Row row : ordered) {
            Long parentId = row.parent() == null ? null : byName.get(Theme.nameKey(row.parent())).id();
            Theme theme = codebook.create(viewer, new ThemeRules.Draft(row.name(), row.description(), row.query(), parentId), row.origin());
            byName.put(Theme.nameKey(theme.name()), theme);
            created.add(theme);
        }
        return created;
    }
}
