package org.clusterlens.studies.entity;

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
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;

/**
 * One actor's invitation to answer one wave. The link's token is the respondent's credential, so
 * only its SHA-256 is kept: a leaked database does not open anybody's questionnaire.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = Invitation.BY_TOKEN, query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
// Every write through a link starts here: one statement reads and locks the invitation and its actor.
// The lock is EclipseLink's hint, not the JPA lock mode: with a lock mode, each execution prepares a
// fresh copy of the query (8 % of a submission's CPU in the benchmark's profile).
@NamedQuery(name = Invitation.BY_TOKEN_FOR_UPDATE,
        query = "SELECT i FROM Invitation i JOIN FETCH i.actor WHERE i.tokenHash = :hash",
        hints = @QueryHint(name = "eclipselink.pessimistic-lock", value = "Lock"))
@NamedQuery(name = Invitation.OF_WAVE, query = "SELECT i FROM Invitation i WHERE i.wave.id = :wave ORDER BY i.id")
@NamedQuery(name = Invitation.EMAILS_LEFT_QUEUED, query = "UPDATE Invitation i SET i.emailStatus = :failed,"
        + " i.emailError = :reason WHERE i.emailStatus = :queued")
public class Invitation {
    public static final String BY_TOKEN = "Invitation.byToken";
    public static final String BY_TOKEN_FOR_UPDATE = "Invitation.byTokenForUpdate";
    public static final String OF_WAVE = "Invitation.ofWave";
    public static final String EMAILS_LEFT_QUEUED = "Invitation.emailsLeftQueued";

    /** Where the respondent is; {@link #REVOKED} is never stored, it is derived from the revocation time. */
    public enum Status {
        NOT_OPENED, OPENED, IN_PROGRESS, SUBMITTED, REVOKED;

        public String json() {
            return name().toLowerCase();
        }
    }

    /** How the last invitation email fared; none when no email was asked for. */
    public enum EmailStatus {
        QUEUED, SENT, FAILED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "wave_id", updatable = false)
    private Wave wave;

    @ManyToOne(optional = false)
    @JoinColumn(name = "actor_id", updatable = false)
    private Actor actor;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String status;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_status")
    private EmailStatus emailStatus;

    @Column(name = "email_error")
    private String emailError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Invitation() {
    }

    public Invitation(Wave wave, Actor actor, String tokenHash) {
        if (!wave.study().id().equals(actor.study().id())) {
            throw new IllegalArgumentException("the actor is not in the wave's study");
        }
        this.wave = wave;
        this.actor = actor;
        this.tokenHash = tokenHash;
        this.status = Status.NOT_OPENED.name();
        this.createdAt = Instant.now();
    }

    public Status status() {
        return revokedAt != null ? Status.REVOKED : Status.valueOf(status);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void opened() {
        if (status() == Status.NOT_OPENED) {
            status = Status.OPENED.name();
            openedAt = Instant.now();
        }
    }

    public void draftSaved() {
        opened();
        status = Status.IN_PROGRESS.name();
    }

    public void submitted() {
        opened();
        status = Status.SUBMITTED.name();
    }

    public void reopened() {
        status = Status.IN_PROGRESS.name();
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    /** A new link: the old token stops working, a revocation is lifted, the answers are kept. */
    public void reissue(String newTokenHash) {
        tokenHash = newTokenHash;
        revokedAt = null;
        if (emailStatus == EmailStatus.QUEUED) {
            // the queued email carries the old link: it will not be sent
            emailStatus = null;
        }
    }

    public void emailQueued() {
        emailStatus = EmailStatus.QUEUED;
        emailError = null;
    }

    public void sent() {
        lastSentAt = Instant.now();
        emailStatus = EmailStatus.SENT;
        emailError = null;
    }

    public void emailFailed(String reason) {
        emailStatus = EmailStatus.FAILED;
        emailError = reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    /** Whether this token hash is the invitation's current one (a reissue replaces it). */
    public boolean hasToken(String hash) {
        return tokenHash.equals(hash);
    }

    public EmailStatus emailStatus() {
        return emailStatus;
    }

    public String emailError() {
        return emailError;
    }

    public Long id() {
        return id;
    }

    public Wave wave() {
        return wave;
    }

    public Actor actor() {
        return actor;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }
}
