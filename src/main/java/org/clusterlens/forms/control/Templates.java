package org.clusterlens.forms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.ProblemException;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/** Writing, versioning and publishing questionnaire templates. Every change is audited. */
@ApplicationScoped
@Transactional
public class Templates {
    static final String SUBJECT = "template";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    private final TemplateValidator validator = new TemplateValidator();

    /** Reads a request body; anything but one JSON object is refused with its position. */
    public static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("/", "The request body is empty; send the template as a JSON object.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.invalidField("/", "A template is a JSON object, not " + value.getValueType().name().toLowerCase() + ".");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw e;
        } catch (JsonException e) {
            throw ProblemException.invalidField("/", "The request body is not valid JSON.");
        }
    }

    public List<TemplateProblem> problems(JsonObject document) {
        return validator.validate(document);
    }

    public TemplateVersion create(JsonObject document, String actor) {
        TemplateModel model = validated(document);
        if (!versions(model.id()).isEmpty()) {
            throw ProblemException.conflict("A template with the id " + model.id() + " exists already; "
                    + "edit it with PUT /api/templates/" + model.id() + "/draft.");
        }
        TemplateVersion created = new TemplateVersion(model.id(), 1, titleOf(model), document.toString(), actor);
        em.persist(created);
        audit.record(actor, Action.CREATED, SUBJECT, model.id(), "version 1");
        return created;
    }

    /**
     * Saves an edit. {@code basedOn} is the ETag of the version the editor started from: editing a
     * draft changes it in place; editing a published version opens the next draft version.
     */
    public Saved saveDraft(String templateId, JsonObject document, String basedOn, String actor) {
        TemplateVersion latest = latest(templateId);
        String documentId = document.getString("id", null);
        if (documentId != null && !documentId.equals(templateId)) {
            throw ProblemException.invalidField("/id", "The document's id " + documentId
                    + " differs from the template in the address, " + templateId + ".");
        }
        TemplateModel model = validated(document);
        if (basedOn == null) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the version you edited, "
                    + "so that nobody's changes are overwritten silently.");
        }
        if (!latest.etag().equals(basedOn.trim())) {
            throw ProblemException.conflict("Version " + latest.versionNumber() + " of " + templateId
                    + " has changed since you loaded it (now " + latest.etag() + "). Reload it and apply your edit again.");
        }
        if (!latest.isPublished()) {
            latest.replaceContent(titleOf(model), document.toString());
            em.flush(); // bumps the row version now, so the caller gets the new ETag
            audit.record(actor, Action.CHANGED, SUBJECT, templateId, "version " + latest.versionNumber());
            return new Saved(latest, false);
        }
        if (latest.contentHash().equals(CanonicalJson.sha256Hex(document))) {
            return new Saved(latest, false);
        }
        int next = latest.versionNumber() + 1;
        TemplateVersion draft = new TemplateVersion(templateId, next, titleOf(model), document.toString(), actor);
        em.persist(draft);
        em.flush();
        audit.record(actor, Action.CREATED, SUBJECT, templateId, "version " + next + " (draft after published " + latest.versionNumber() + ")");
        return new Saved(draft, true);
    }

    public record Saved(TemplateVersion version, boolean newVersion) {
    }

    public TemplateVersion publish(String templateId, int versionNumber, String actor) {
        TemplateVersion version = version(templateId, versionNumber);
        if (version.isPublished()) {
            throw ProblemException.conflict("Version " + versionNumber + " of " + templateId + " is published already.");
        }
        JsonObject document = document(version);
        validated(document);
        version.publish(actor, CanonicalJson.sha256Hex(document));
        em.flush();
        audit.record(actor, Action.PUBLISHED, SUBJECT, templateId, "version " + versionNumber + " sha256 " + version.contentHash());
        return version;
    }

    public void deleteDraft(String templateId, int versionNumber, String actor) {
        TemplateVersion version = version(templateId, versionNumber);
        if (version.isPublished()) {
            throw ProblemException.conflict("Version " + versionNumber + " of " + templateId
                    + " is published; published versions are kept for the responses that point at them.");
        }
        em.remove(version);
        audit.record(actor, Action.DELETED, SUBJECT, templateId, "draft version " + versionNumber);
    }

    /** Loads a template of the shipped library: a new published version only if its content is new. */
    public Optional<TemplateVersion> publishShipped(JsonObject document, String actor) {
        TemplateModel model = validated(document);
        String hash = CanonicalJson.sha256Hex(document);
        List<TemplateVersion> existing = versions(model.id());
        if (existing.stream().anyMatch(v -> hash.equals(v.contentHash()))) {
            return Optional.empty();
        }
        if (!existing.isEmpty() && !existing.getLast().isPublished()) {
            return Optional.empty(); // an agent is editing a draft of it; theirs wins
        }
        TemplateVersion version = new TemplateVersion(model.id(), existing.size() + 1, titleOf(model),
                document.toString(), actor);
        em.persist(version);
        version.publish(actor, hash);
        audit.record(actor, Action.PUBLISHED, SUBJECT, model.id(), "version " + version.versionNumber() + " from the shipped library");
        return Optional.of(version);
    }

    public TemplateDiff diff(String templateId, int from, int to) {
        return TemplateDiff.between(document(version(templateId, from)), document(version(templateId, to)));
    }

    public List<TemplateVersion> latestOfEach() {
        return em.createNamedQuery(TemplateVersion.LATEST_OF_EACH, TemplateVersion.class).getResultList();
    }

    public List<TemplateVersion> versions(String templateId) {
        return em.createNamedQuery(TemplateVersion.OF_TEMPLATE, TemplateVersion.class)
                .setParameter("templateId", templateId).getResultList();
    }

    public TemplateVersion latest(String templateId) {
        List<TemplateVersion> all = versions(templateId);
        if (all.isEmpty()) {
            throw ProblemException.notFound("There is no template " + templateId + ".");
        }
        return all.getLast();
    }

    public TemplateVersion version(String templateId, int versionNumber) {
        return versions(templateId).stream().filter(v -> v.versionNumber() == versionNumber).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Template " + templateId + " has no version " + versionNumber + "."));
    }

    public static JsonObject document(TemplateVersion version) {
        try (JsonReader reader = Json.createReader(new StringReader(version.content()))) {
            return reader.readObject();
        }
    }

    private static TemplateModel validated(JsonObject document) {
        try {
            return TemplateModel.from(document);
        } catch (InvalidTemplateException e) {
            List<TemplateProblem> problems = e.problems();
            throw ProblemException.badRequest("The template has " + problems.size() + " problem(s).",
                    problems.stream().map(p -> new Problem.FieldError(p.pointer(), p.message())).toList());
        }
    }

    private static String titleOf(TemplateModel model) {
        String title = model.title().in(model.defaultLanguage(), model.defaultLanguage());
        return title.length() <= 500 ? title : title.substring(0, 500);
    }
}
