package org.clusterlens.studies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.control.StudyMembers;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.entity.ActorType;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.Wave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Studies, their waves, which questionnaire each actor type answers, and the open link. */
@ApplicationScoped
@Transactional
public class Studies {
    static final String SUBJECT = "study";
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

    @PersistenceContext
    EntityManager em;

    @Inject
    Templates templates;

    @Inject
    AuditLog audit;

    @Inject
    StudyMembers members;

    public record NewStudy(String name, String product, String place, List<String> languages,
                           String defaultLanguage, Integer k) {
    }

    public Study create(NewStudy s, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
            errors.add(new FieldError("/name", "give the study a name of at most 200 characters"));
        }
        List<String> languages = s.languages() == null || s.languages().isEmpty() ? List.of("en") : s.languages();
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i) == null || !LANGUAGE.matcher(languages.get(i)).matches()) {
                errors.add(new FieldError("/languages/" + i, "a language is a code such as en or fr"));
            }
        }
        String defaultLanguage = s.defaultLanguage() == null ? languages.getFirst() : s.defaultLanguage();
        if (!languages.contains(defaultLanguage)) {
            errors.add(new FieldError("/defaultLanguage", "must be one of the study's languages " + languages));
        }
        int k = s.k() == null ? 5 : s.k();
        if (k < 1) {
            errors.add(new FieldError("/k", "the smallest group shown in reports has at least 1 respondent"));
        }
        checkLength(errors, "/product", s.product());
        checkLength(errors, "/place", s.place());
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The study has " + errors.size() + " problem(s).", errors);
        }
        Study study = new Study(s.name().strip(), blankToNull(s.product()), blankToNull(s.place()),
                List.copyOf(languages), defaultLanguage, k, actor, Pseudonyms.newKey());
        em.persist(study);
        em.flush();
        audit.record(actor, Action.CREATED, SUBJECT, study.id().toString(), study.name());
        members.addFounder(study.id(), actor);
        return study;
    }

    public List<Study> all() {
        return em.createNamedQuery(Study.ALL, Study.class).getResultList();
    }

    public Study find(long id) {
        return Optional.ofNullable(em.find(Study.class, id))
                .orElseThrow(() -> ProblemException.notFound("There is no study " + id + "."));
    }

    public Wave wave(long studyId, long waveId) {
        Wave wave = em.find(Wave.class, waveId);
        if (wave == null || !wave.study().id().equals(studyId)) {
            throw ProblemException.notFound("Study " + studyId + " has no wave " + waveId + ".");
        }
        return wave;
    }

    public Study assignTemplate(long studyId, String actorTypeName, String templateId, Integer versionNumber,
                                String actor) {
        Study study = find(studyId);
        ActorType type = ActorType.parse(actorTypeName).orElseThrow(() -> ProblemException.invalidField("actorType",
                "'" + actorTypeName + "' is not an actor type; it is one of " + ActorType.names() + "."));
        if (templateId == null || versionNumber == null) {
            throw ProblemException.invalidField(templateId == null ? "/templateId" : "/version",
                    "Name the template and its published version: {\"templateId\": \"firm-diagnostic\", \"version\": 1}.");
        }
        TemplateVersion version = templates.version(templateId, versionNumber);
        if (!version.isPublished()) {
            throw ProblemException.conflict("Version " + versionNumber + " of " + templateId
                    + " is a draft; publish it before respondents are asked to answer it.");
        }
        study.assign(type, version);
        audit.record(actor, Action.CHANGED, SUBJECT, study.id().toString(),
                type.name() + " answers " + templateId + " version " + versionNumber);
        return study;
    }

    public Wave addWave(long studyId, String name, LocalDate opensOn, LocalDate closesOn, String actor) {
        Study study = find(studyId);
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("/name", "give the wave a name of at most 200 characters"));
        }
        checkDates(errors, opensOn, closesOn);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The wave has " + errors.size() + " problem(s).", errors);
        }
        Wave wave = study.addWave(name.strip(), opensOn, closesOn);
        em.persist(wave);
        em.flush();
        audit.record(actor, Action.CREATED, SUBJECT, study.id().toString(), "wave " + wave.id() + " " + wave.name());
        return wave;
    }

    /** Moves a wave's dates: extending a wave reopens its links, answers given so far stay. */
    public Wave reschedule(long studyId, long waveId, LocalDate opensOn, LocalDate closesOn, String actor) {
        Wave wave = wave(studyId, waveId);
        List<FieldError> errors = new ArrayList<>();
        checkDates(errors, opensOn, closesOn);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The dates have " + errors.size() + " problem(s).", errors);
        }
        String before = wave.opensOn() + " to " + wave.closesOn();
        wave.reschedule(opensOn, closesOn);
        audit.record(actor, Action.CHANGED, SUBJECT, String.valueOf(studyId),
                "wave " + wave.id() + " open " + opensOn + " to " + closesOn + " (was " + before + ")");
        return wave;
    }

    private static void checkDates(List<FieldError> errors, LocalDate opensOn, LocalDate closesOn) {
        if (opensOn == null) {
            errors.add(new FieldError("/opensOn", "the day the wave opens, as 2027-01-31"));
        }
        if (closesOn == null) {
            errors.add(new FieldError("/closesOn", "the day the wave closes, as 2027-03-31"));
        }
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            errors.add(new FieldError("/closesOn", "a wave cannot close before it opens"));
        }
    }

    public record Settings(Boolean leadsSeeIdentities, Boolean strangersSeeRegister) {
    }

    /** Who sees what in the study; only the settings sent change. */
    public Study change(long studyId, Settings settings, String actor) {
        Study study = find(studyId);
        StringBuilder what = new StringBuilder();
        if (settings.leadsSeeIdentities() != null) {
            study.letLeadsSeeIdentities(settings.leadsSeeIdentities());
            what.append("leads see identities: ").append(settings.leadsSeeIdentities()).append("; ");
        }
        if (settings.strangersSeeRegister() != null) {
            study.letStrangersSeeRegister(settings.strangersSeeRegister());
            what.append("open-link registrants see the register: ").append(settings.strangersSeeRegister());
        }
        if (!what.isEmpty()) {
            audit.record(actor, Action.CHANGED, SUBJECT, study.id().toString(), what.toString().replaceFirst("; $", ""));
        }
        return study;
    }

    /** Enables the open link with a new token (an earlier link stops working), or disables it. */
    public Optional<InvitationToken> openLink(long studyId, boolean enabled, String actorTypeName, String actor) {
        Study study = find(studyId);
        if (!enabled) {
            study.closeOpenLink();
            audit.record(actor, Action.REVOKED, SUBJECT, study.id().toString(), "open link");
            return Optional.empty();
        }
        ActorType type = ActorType.parse(actorTypeName).orElseThrow(() -> ProblemException.invalidField("/actorType",
                "Say which actor type registers through the open link: one of " + ActorType.names() + "."));
        InvitationToken token = InvitationToken.generate();
        study.openLink(token.hash(), type);
        audit.record(actor, Action.CHANGED, SUBJECT, study.id().toString(), "open link for " + type.name());
        return Optional.of(token);
    }

    private static void checkLength(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > 200) {
            errors.add(new FieldError(field, "at most 200 characters"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
