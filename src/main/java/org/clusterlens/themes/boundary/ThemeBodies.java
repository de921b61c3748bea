package org.clusterlens.themes.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.themes.control.codebook.ThemeRules;

/**
 * Reading theme requests field by field: PATCH must tell a field left out from one set to null,
 * which binding to a record cannot, and a wrong type is a 400 naming its field.
 */
final class ThemeBodies {
    private ThemeBodies() {
    }

    static JsonObject object(JsonObject body, String example) {
        if (body == null) {
            throw ProblemException.invalidField("/", "Send " + example + ".");
        }
        return body;
    }

    static ThemeRules.Draft draft(JsonObject body, String pointer) {
        return new ThemeRules.Draft(text(body, "name", pointer), text(body, "description", pointer),
                text(body, "query", pointer), id(body, "parentId", pointer));
    }

    static String text(JsonObject body, String name, String pointer) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw ProblemException.invalidField(pointer + "/" + name, "A text.");
    }

    static Long id(JsonObject body, String name, String pointer) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return n.longValue();
        }
        throw ProblemException.invalidField(pointer + "/" + name, "The id of one of the study's themes, or null.");
    }

    static long version(JsonObject body) {
        JsonValue value = body.get("version");
        if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
            return n.longValue();
        }
        throw ProblemException.invalidField("/version", "The version of the theme you read (GET gives it).");
    }
}
