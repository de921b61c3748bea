package org.clusterlens.themes.control.codebook;

import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.themes.control.AnswerQuery;
import org.clusterlens.themes.entity.Theme;

import java.util.ArrayList;
import java.util.List;

/** What a theme's name, description and query must be, whichever way they arrive (form, file). */
public final class ThemeRules {

    /** A theme as somebody wrote it; {@code parentId} null for a top-level theme. */
    public record Draft(String name, String description, String query, Long parentId) {
    }

    private ThemeRules() {
    }

    /** Every problem of the draft at once, the fields named under {@code prefix} ("" or "/parts/0"). */
    public static List<FieldError> problems(Draft draft, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(prefix + "/name", "A name, not an empty text."));
        } else if (name.strip().length() > Theme.MAX_NAME) {
            errors.add(new FieldError(prefix + "/name", "At most " + Theme.MAX_NAME + " characters."));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(prefix + "/name", "One line of text, without control characters."));
        }
        String description = draft.description();
        if (description != null) {
            if (description.strip().length() > Theme.MAX_DESCRIPTION) {
                errors.add(new FieldError(prefix + "/description", "At most " + Theme.MAX_DESCRIPTION + " characters."));
            } else if (description.indexOf('\0') >= 0) {
                errors.add(new FieldError(prefix + "/description", "Text without NUL characters."));
            }
        }
        String query = draft.query();
        if (query != null) {
            if (query.indexOf('\0') >= 0) {
                errors.add(new FieldError(prefix + "/query", "A query without NUL characters.", query.indexOf('\0')));
            } else if (query.strip().length() > AnswerQuery.MAX_LENGTH) {
                errors.add(new FieldError(prefix + "/query", "At most " + AnswerQuery.MAX_LENGTH + " characters.",
                        AnswerQuery.MAX_LENGTH));
            }
        }
        return errors;
    }

    /**
     * The query of two merged themes: the answers of either. A blank query matches nothing, so
     * it adds nothing to the other.
     */
    public static String either(String a, String b) {
        String first = a == null ? "" : a.strip();
        String second = b == null ? "" : b.strip();
        if (first.isEmpty() || first.equals(second)) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return "(" + first + ") OR (" + second + ")";
    }
}
