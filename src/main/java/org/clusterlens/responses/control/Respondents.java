package org.clusterlens.responses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.responses.entity.OutboxEntry;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.ActorRegister;
import org.clusterlens.studies.control.ActorRows;
import org.clusterlens.studies.control.InvitationToken;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.ActorType;
import org.clusterlens.studies.entity.Invitation;
import org.clusterlens.studies.entity.RegisteredVia;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.StudyTemplate;
import org.clusterlens.studies.entity.Wave;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a respondent does through the link: open it, save drafts, submit, read the receipt. The
 * token is the credential. Every write locks the invitation row first, so two tabs, a retry or a
 * double click are decided one after the other, never half-and-half.
 */
@ApplicationScoped
@Transactional
public class Respondents {
    private static final Pattern SUBMISSION_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** One factory: {@code Json.createReader} looks the provider up again on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());
    /** Problem types the form tells apart from other conflicts, to say so in the respondent's language. */
    public static final String WAVE_CLOSED = "urn:clusterlens:problem:wave-closed";
    public static final String WAVE_NOT_OPEN = "urn:clusterlens:problem:wave-not-open";

    @PersistenceContext
    EntityManager em;

    @Inject
    ActorRegister register;

    @Inject
    Outbox outbox;

    /** Everything the form needs to show the questionnaire. */
    public record Opened(Invitation invitation, TemplateVersion template, Optional<Response> response,
                         List<Actor> register) {
    }

    /** Raised when a draft was made from an older revision; carries the one that is stored. */
    public static class DraftConflict extends RuntimeException {
        private final transient Optional<Response> current;

        DraftConflict(Optional<Response> current) {
            super("draft revision conflict", null, false, false);
            this.current = current;
        }

        public Optional<Response> current() {
            return current;
        }
    }

    public record Submitted(Response response, boolean created) {
    }

    public record Registered(InvitationToken token, Invitation invitation) {
    }

    public Opened open(String token) {
        Invitation invitation = invitation(token, true);
        invitation.opened();
        Optional<Response> response = response(invitation);
        TemplateVersion template = response.map(Response::templateVersion).orElseGet(() -> assigned(invitation));
        return new Opened(invitation, template, response, registerFor(invitation));
    }

    public Response saveDraft(String token, JsonObject body, LocalDate today) {
        JsonObject answers = answers(body);
        AnswerLimits.check(answers);
        int revision = body.get("revision") instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.intValue() >= 0
                ? n.intValue() : -1;
        if (revision < 0) {
            throw ProblemException.invalidField("/revision", "the revision you last saw: 0 when there is none yet");
        }
        Invitation invitation = invitation(token, true);
        Optional<Response> existing = response(invitation);
        TemplateVersion template = existing.map(Response::templateVersion).orElseGet(() -> assigned(invitation));
        String language = language(body, template);
        if (existing.isPresent() && existing.get().isSubmitted()) {
            throw ProblemException.conflict("These answers are submitted; they can be changed only if the study team reopens them.");
        }
        requireCollecting(invitation.wave(), today);
        Response response = existing.orElseGet(() -> new Response(invitation, template, language));
        if (!response.saveDraft(revision, answers.toString(), language)) {
            throw new DraftConflict(existing);
        }
        if (existing.isEmpty()) {
            em.persist(response);
        }
        invitation.draftSaved();
        em.flush();
        return response;
    }

    public Submitted submit(String token, JsonObject body, LocalDate today) {
        String submissionId = body.get("submissionId") instanceof JsonString s ? s.getString() : null;
        if (submissionId == null || !SUBMISSION_ID.matcher(submissionId).matches()) {
            throw ProblemException.invalidField("/submissionId",
                    "a submission id made by the client, such as a UUID (letters, digits, - and _, at most 64)");
        }
        JsonObject answers = answers(body);
        AnswerLimits.check(answers);
        Invitation invitation = invitation(token, true);
        Optional<Response> existing = response(invitation);
        if (existing.isPresent() && existing.get().isSubmitted()) {
            if (existing.get().submissionId().equals(submissionId)) {
                return new Submitted(existing.get(), false);
            }
            throw ProblemException.conflict("These answers are submitted already.");
        }
        if (existing.isPresent() && submissionId.equals(existing.get().submissionId())) {
            throw ProblemException.conflict("This submission was reopened by the study team; submit again.");
        }
        requireCollecting(invitation.wave(), today);
        TemplateVersion template = existing.map(Response::templateVersion).orElseGet(() -> assigned(invitation));
        String language = language(body, template);
        SubmissionValidator.Result result = validator(template)
                .validate(answers, language, today, linkableFrom(invitation));
        if (!result.valid()) {
            List<FieldError> errors = result.errors().stream()
                    .map(e -> new FieldError(e.pointer(), e.message())).toList();
            String detail = "fr".equals(language)
                    ? "Certaines réponses sont à revoir (" + errors.size() + ")."
                    : "Some answers need another look (" + errors.size() + ").";
            throw ProblemException.badRequest(detail, errors);
        }
        Response response = existing.orElseGet(() -> new Response(invitation, template, language));
        response.submit(submissionId, result.answers().toString(), language);
        if (existing.isEmpty()) {
            em.persist(response);
        }
        // the outbox row names the response by a plain column, so nothing tells JPA to insert the
        // response first; the foreign key needs it written before
        em.flush();
        outbox.write(response.id(), OutboxEntry.Kind.SUBMITTED);
        invitation.submitted();
        return new Submitted(response, true);
    }

    public Opened receipt(String token) {
        Invitation invitation = invitation(token, false);
        Response response = response(invitation).filter(Response::isSubmitted).orElseThrow(() ->
                ProblemException.notFound("Nothing has been submitted through this link yet."));
        return new Opened(invitation, response.templateVersion(), Optional.of(response), List.of());
    }

    public Study openLinkStudy(String openToken) {
        return em.createNamedQuery(Study.BY_OPEN_TOKEN, Study.class)
                .setParameter("hash", InvitationToken.hashOf(openToken)).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("This link is not valid."));
    }

    /** An actor registering through a study's open link gets a register entry and an invitation. */
    public Registered register(String openToken, JsonObject body, LocalDate today) {
        Study study = openLinkStudy(openToken);
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("name", "type", "sector", "location", "email")) {
            if (body.get(field) instanceof JsonString s && !s.getString().isBlank()) {
                fields.put(field, s.getString().strip());
            } else if (body.containsKey(field) && body.get(field) != JsonValue.NULL && !(body.get(field) instanceof JsonString)) {
                throw ProblemException.invalidField("/" + field, "a text");
            }
        }
        ActorType linkType = study.openActorType();
        fields.putIfAbsent("type", linkType.name());
        List<FieldError> errors = new ArrayList<>();
        Actor.Details details = ActorRows.details(fields, (f, reason) -> errors.add(new FieldError("/" + f, reason)));
        // the link decides which questionnaire a stranger answers, and so what staff take them for
        if (errors.stream().noneMatch(e -> e.field().equals("/type")) && details.type() != linkType) {
            errors.add(new FieldError("/type", "this link registers " + linkType.name() + " only; leave type out"));
        }
        fields.forEach((f, v) -> {
            if (v.length() > 200) {
                errors.add(new FieldError("/" + f, "at most 200 characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The registration has " + errors.size() + " problem(s).", errors);
        }
        Wave wave = study.currentWave(today).orElseThrow(() -> ProblemException.conflict(
                "This study is not collecting answers today."));
        if (study.template(details.type()).isEmpty()) {
            throw ProblemException.conflict("This study has no questionnaire for " + details.type().name() + " yet.");
        }
        Actor actor = new Actor(study, details, RegisteredVia.open_link);
        em.persist(actor);
        InvitationToken token = InvitationToken.generate();
        Invitation invitation = new Invitation(wave, actor, token.hash());
        em.persist(invitation);
        return new Registered(token, invitation);
    }

    public static JsonObject answersOf(Response response) {
        try (JsonReader reader = READERS.createReader(new StringReader(response.answers()))) {
            return reader.readObject();
        }
    }

    /** Unknown and revoked tokens cost the same: one hash and one indexed lookup. */
    private Invitation invitation(String token, boolean forUpdate) {
        Invitation invitation = em.createNamedQuery(forUpdate ? Invitation.BY_TOKEN_FOR_UPDATE : Invitation.BY_TOKEN,
                        Invitation.class)
                .setParameter("hash", InvitationToken.hashOf(token == null ? "" : token))
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("This link is not valid."));
        if (invitation.isRevoked()) {
            throw new ProblemException(Problem.of(410, "Gone",
                    "This link has been withdrawn. Ask the study team for a new one."));
        }
        return invitation;
    }

    /**
     * Answers are taken only while the wave is open. Outside it nothing is thrown away: a draft
     * saved earlier stays, and the study team can move the dates.
     */
    private static void requireCollecting(Wave wave, LocalDate today) {
        switch (wave.collectingOn(today)) {
            case NOT_YET -> throw new ProblemException(Problem.of(409, "Conflict", "This questionnaire opens on "
                    + wave.opensOn() + "; answers are taken from that day.").withType(WAVE_NOT_OPEN));
            case CLOSED -> throw new ProblemException(Problem.of(409, "Conflict", "This questionnaire closed on "
                    + wave.closesOn() + ". The answers saved so far are kept; the study team can extend the dates.")
                    .withType(WAVE_CLOSED));
            case OPEN -> {
            }
        }
    }

    private Optional<Response> response(Invitation invitation) {
        return em.createNamedQuery(Response.OF_INVITATION, Response.class)
                .setParameter("invitation", invitation.id()).getResultStream().findFirst();
    }

    private static TemplateVersion assigned(Invitation invitation) {
        ActorType type = invitation.actor().type();
        return invitation.wave().study().template(type).map(StudyTemplate::templateVersion).orElseThrow(() ->
                ProblemException.conflict("This study has no questionnaire for " + type.name() + " yet; "
                        + "please come back later."));
    }

    /**
     * Asks the register only about the actors named, in one statement by primary key: loading the
     * register whole cost a quarter of a submission's CPU.
     */
    private LinkableActors linkableFrom(Invitation invitation) {
        Actor self = invitation.actor();
        if (!seesRegister(self)) {
            return LinkableActors.NONE;
        }
        long studyId = self.study().id();
        return named -> {
            Set<Long> others = new HashSet<>(named);
            others.remove(self.id());
            return register.inStudy(studyId, others);
        };
    }

    /** The study's actors a linkage question picks from, without the respondent. */
    private List<Actor> registerFor(Invitation invitation) {
        Actor self = invitation.actor();
        if (!seesRegister(self)) {
            return List.of();
        }
        return register.all(self.study().id()).stream().filter(a -> !a.id().equals(self.id())).toList();
    }

    /** A stranger who came in through the open link sees the cluster's list only if the study allows it. */
    private static boolean seesRegister(Actor self) {
        return self.registeredVia() != RegisteredVia.open_link || self.study().strangersSeeRegister();
    }

    private static JsonObject answers(JsonObject body) {
        if (!(body.get("answers") instanceof JsonObject answers)) {
            throw ProblemException.invalidField("/answers", "the answers, one JSON object: question name → value");
        }
        return answers;
    }

    private static String language(JsonObject body, TemplateVersion template) {
        List<String> languages = validator(template).template().languages();
        String language = body.get("language") instanceof JsonString s ? s.getString() : null;
        if (language == null || !languages.contains(language)) {
            throw ProblemException.invalidField("/language", "one of the questionnaire's languages " + languages);
        }
        return language;
    }

    /**
     * Published versions never change, so each is parsed, and its expressions compiled, once: doing
     * it for the 69 kB firm diagnostic on every submission was half of a submission's CPU. Drafts
     * are never answered, but are read fresh.
     */
    private static SubmissionValidator validator(TemplateVersion template) {
        if (!template.isPublished() || template.id() == null) {
            return new SubmissionValidator(TemplateModel.from(Templates.document(template)));
        }
        return PUBLISHED.computeIfAbsent(template.id(),
                id -> new SubmissionValidator(TemplateModel.from(Templates.document(template))));
    }

    private static final ConcurrentMap<Long, SubmissionValidator> PUBLISHED = new ConcurrentHashMap<>();
}
