package org.clusterlens.responses.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.QuestionType;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Viewer;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A response's answers as one viewer may read them. Identified viewers get them as given. For the
 * others: answers to questions tagged {@code pii} are left out, geopoints are coarsened to two
 * decimals (about 1 km), and the actors picked in linkage questions appear as their pseudonyms.
 * One instance serves one request and parses each template version once.
 */
public final class AnswerDisclosure {
    public static final String PII_TAG = "pii";
    private static final int GEO_DECIMALS = 2;

    private final Viewer viewer;
    private final Map<String, Shape> shapes = new HashMap<>();

    public AnswerDisclosure(Viewer viewer) {
        this.viewer = viewer;
    }

    public boolean identified() {
        return viewer.identified();
    }

    public JsonObject answers(Response response) {
        return answers(Respondents.answersOf(response), response.templateVersion());
    }

    public JsonObject answers(JsonObject answers, TemplateVersion version) {
        return viewer.identified() ? answers : mask(answers, shape(version));
    }

    /** Whether a column of the answers (a question name, or its {@code _other} text) is withheld. */
    public boolean withholds(TemplateVersion version, String column) {
        if (viewer.identified()) {
            return false;
        }
        Shape shape = shape(version);
        return shape.pii.contains(column) || (column.endsWith("_other")
                && shape.pii.contains(column.substring(0, column.length() - "_other".length())));
    }

    private Shape shape(TemplateVersion version) {
        return shapes.computeIfAbsent(version.templateId() + "/" + version.versionNumber(), key -> Shape.of(version));
    }

    private JsonObject mask(JsonObject answers, Shape shape) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        answers.forEach((name, value) -> {
            String question = name.endsWith("_other") && !shape.all.contains(name)
                    ? name.substring(0, name.length() - "_other".length()) : name;
            if (shape.pii.contains(question)) {
                return;
            }
            if (shape.geopoints.contains(name) && value instanceof JsonObject point) {
                out.add(name, coarsen(point));
            } else if (shape.linkages.contains(name) && value instanceof JsonArray links) {
                out.add(name, pseudonymise(links));
            } else if (value instanceof JsonArray entries && entries.stream().allMatch(e -> e instanceof JsonObject)) {
                JsonArrayBuilder masked = Json.createArrayBuilder();
                entries.forEach(entry -> masked.add(mask(entry.asJsonObject(), shape)));
                out.add(name, masked);
            } else {
                out.add(name, value);
            }
        });
        return out.build();
    }

    private static JsonObject coarsen(JsonObject point) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (String axis : new String[]{"lat", "lon"}) {
            if (point.get(axis) instanceof JsonNumber n) {
                out.add(axis, n.bigDecimalValue().setScale(GEO_DECIMALS, RoundingMode.HALF_UP));
            }
        }
        return out.build();
    }

    private JsonArray pseudonymise(JsonArray links) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (JsonValue link : links) {
            if (!(link instanceof JsonObject l)) {
                continue;
            }
            JsonObjectBuilder masked = Json.createObjectBuilder(l);
            if (l.get("actor") instanceof JsonNumber actor) {
                masked.add("actor", viewer.pseudonym(actor.longValue()));
            }
            out.add(masked);
        }
        return out.build();
    }

    /** Which question names of a template version need masking. */
    private record Shape(Set<String> all, Set<String> pii, Set<String> geopoints, Set<String> linkages) {
        static Shape of(TemplateVersion version) {
            Shape shape = new Shape(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Question q : TemplateModel.from(Templates.document(version)).questions()) {
                shape.all.add(q.name());
                if (q.tags().contains(PII_TAG)) {
                    shape.pii.add(q.name());
                }
                if (q.type() == QuestionType.GEOPOINT) {
                    shape.geopoints.add(q.name());
                }
                if (q.type() == QuestionType.LINKAGE) {
                    shape.linkages.add(q.name());
                }
            }
            return shape;
        }
    }
}
