package org.clusterlens.responses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.studies.entity.Invitation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One actor's answers to one wave: a draft the respondent saves revision by revision, then a
 * submission. A submitted response refuses changes until an agent reopens it.
 */
@Entity
@Table(name = "response")
@NamedQuery(name = Response.OF_INVITATION, query = "SELECT r FROM Response r WHERE r.invitation.id = :invitation")
@NamedQuery(name = Response.SUBMITTED_IN_WAVE, query = "SELECT r FROM Response r WHERE r.waveId = :wave"
        + " AND r.status = :status ORDER BY r.submittedAt, r.id")
public class Response {
    public static final String OF_INVITATION = "Response.ofInvitation";
    public static final String SUBMITTED_IN_WAVE = "Response.submittedInWave";

    public enum Status { DRAFT, SUBMITTED }

    @Id
    @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invitation_id", updatable = false)
    private Invitation invitation;

    @Column(name = "study_id", nullable = false, updatable = false)
    private Long studyId;

    @Column(name = "wave_id", nullable = false, updatable = false)
    private Long waveId;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private Long actorId;

    /** The exact version answered: answers are always read against what was asked. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "template_version_id", updatable = false)
    private TemplateVersion templateVersion;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** A JSON object, question name → value, exactly as saved. */
    @Column(nullable = false)
    private String answers;

    @Column(nullable = false)
    private int revision;

    @Column(name = "submission_id")
    private String submissionId;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Response() {
    }

    public Response(Invitation invitation, TemplateVersion templateVersion, String language) {
        this.invitation = invitation;
        this.studyId = invitation.wave().study().id();
        this.waveId = invitation.wave().id();
        this.actorId = invitation.actor().id();
        this.templateVersion = templateVersion;
        this.language = language;
        this.status = Status.DRAFT;
        this.answers = "{}";
        this.revision = 0;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /** Saves a draft made from {@code basedOn}; false if that is not the latest revision. */
    public boolean saveDraft(int basedOn, String newAnswers, String newLanguage) {
        if (isSubmitted()) {
            throw new IllegalStateException("response " + id + " is submitted");
        }
        if (basedOn != revision) {
            return false;
        }
        answers = newAnswers;
        language = newLanguage;
        revision++;
        updatedAt = now();
        return true;
    }

    public void submit(String submission, String cleanedAnswers, String newLanguage) {
        if (isSubmitted()) {
            throw new IllegalStateException("response " + id + " is submitted already");
        }
        submissionId = submission;
        answers = cleanedAnswers;
        language = newLanguage;
        revision++;
        submittedAt = now();
        updatedAt = submittedAt;
        status = Status.SUBMITTED;
    }

    /** Back to a draft; the previous submission id stays, so that a late retry of it is recognised. */
    public void reopen() {
        if (!isSubmitted()) {
            throw new IllegalStateException("response " + id + " is not submitted");
        }
        status = Status.DRAFT;
        submittedAt = null;
        updatedAt = now();
    }

    /** Microseconds, as both databases store them, so that a value read back equals the one returned. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    public Long id() {
        return id;
    }

    public Invitation invitation() {
        return invitation;
    }

    public Long studyId() {
        return studyId;
    }

    public Long waveId() {
        return waveId;
    }

    public Long actorId() {
        return actorId;
    }

    public TemplateVersion templateVersion() {
        return templateVersion;
    }

    public String language() {
        return language;
    }

    public Status status() {
        return status;
    }

    public String answers() {
        return answers;
    }

    public int revision() {
        return revision;
    }

    public String submissionId() {
        return submissionId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
