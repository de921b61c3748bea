package org.clusterlens.studies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.Settings;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.ActorType;
import org.clusterlens.studies.entity.Invitation;
import org.clusterlens.studies.entity.Wave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Invitations to answer a wave: created, emailed, revoked, reissued, and how far each has got. */
@ApplicationScoped
@Transactional
public class Invitations {
    static final String SUBJECT = "invitation";

    @PersistenceContext
    EntityManager em;

    @Inject
    Studies studies;

    @Inject
    ActorRegister register;

    @Inject
    InvitationMail mail;

    @Inject
    AuditLog audit;

    @Inject
    Event<Emails> emails;

    /** An invitation as the agent sees it; {@code token} only right after it was made. */
    public record Issued(Invitation invitation, Optional<InvitationToken> token) {
    }

    /** An invitation email to send once the invitation is committed; the token lives only here. */
    public record PendingEmail(long invitationId, InvitationToken token) {
    }

    /** Fired inside the transaction; {@link InvitationMailQueue} sends them after it commits. */
    public record Emails(List<PendingEmail> pending) {
    }

    /** Counts of one actor type's invitations: all that are not revoked, then by where they are now. */
    public record Progress(int invited, int notOpened, int opened, int inProgress, int submitted, int revoked) {
        Progress plus(Invitation.Status status) {
            return switch (status) {
                case NOT_OPENED -> new Progress(invited + 1, notOpened + 1, opened, inProgress, submitted, revoked);
                case OPENED -> new Progress(invited + 1, notOpened, opened + 1, inProgress, submitted, revoked);
                case IN_PROGRESS -> new Progress(invited + 1, notOpened, opened, inProgress + 1, submitted, revoked);
                case SUBMITTED -> new Progress(invited + 1, notOpened, opened, inProgress, submitted + 1, revoked);
                case REVOKED -> new Progress(invited, notOpened, opened, inProgress, submitted, revoked + 1);
            };
        }
    }

    /** One invitation per actor per wave: existing ones are kept as they are (their token is unknown). */
    public List<Issued> invite(long studyId, long waveId, List<Long> actorIds, boolean send, String agent) {
        Wave wave = studies.wave(studyId, waveId);
        if (wave.collectingOn(LocalDate.now()) == Wave.Collecting.CLOSED) {
            throw ProblemException.conflict("Wave " + wave.name() + " closed on " + wave.closesOn()
                    + "; its links would not take answers. Extend the wave first.");
        }
        List<Actor> actors;
        if (actorIds == null) {
            actors = register.all(studyId);
        } else {
            actors = new ArrayList<>();
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < actorIds.size(); i++) {
                Long id = actorIds.get(i);
                Optional<Actor> actor = id == null ? Optional.empty() : register.find(studyId, id);
                if (actor.isPresent()) {
                    actors.add(actor.get());
                } else {
                    unknown.add(new FieldError("/actorIds/" + i, "study " + studyId + " has no actor " + id));
                }
            }
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("Some actors are not in this study's register.", unknown);
            }
        }
        Map<Long, Invitation> existing = new LinkedHashMap<>();
        for (Invitation i : ofWave(waveId)) {
            existing.put(i.actor().id(), i);
        }
        List<Issued> issued = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int created = 0;
        for (Actor actor : actors) {
            if (!seen.add(actor.id())) {
                continue;
            }
            Invitation known = existing.get(actor.id());
            if (known != null) {
                issued.add(new Issued(known, Optional.empty()));
                continue;
            }
            InvitationToken token = InvitationToken.generate();
            Invitation invitation = new Invitation(wave, actor, token.hash());
            em.persist(invitation);
            created++;
            issued.add(new Issued(invitation, Optional.of(token)));
        }
        em.flush();
        audit.record(agent, Action.CREATED, SUBJECT, "wave " + waveId, created + " invitation(s)");
        if (send && mail.enabled()) {
            queue(issued.stream().filter(i -> i.token().isPresent() && i.invitation().actor().email() != null).toList());
        }
        return issued;
    }

    /**
     * Emails go out after the commit, in the background: a large register does not hold the
     * request (or the transaction) open for minutes, and a rolled-back invitation gets no email.
     */
    private void queue(List<Issued> toSend) {
        if (toSend.isEmpty()) {
            return;
        }
        toSend.forEach(i -> i.invitation().emailQueued());
        emails.fire(new Emails(toSend.stream()
                .map(i -> new PendingEmail(i.invitation().id(), i.token().orElseThrow())).toList()));
    }

    /** Sends one queued email, in a transaction of its own, and records how it went. */
    public void deliver(PendingEmail email) {
        Invitation invitation = em.find(Invitation.class, email.invitationId(), LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || invitation.emailStatus() != Invitation.EmailStatus.QUEUED
                || !invitation.hasToken(email.token().hash())) {
            return;
        }
        if (invitation.isRevoked()) {
            invitation.emailFailed("the invitation was revoked before its email went out");
            return;
        }
        mail.send(invitation, email.token()).ifPresentOrElse(invitation::emailFailed, invitation::sent);
    }

    /** Emails queued when the server stopped cannot be sent: their tokens were only in memory. */
    public int abandonQueuedEmails() {
        return em.createNamedQuery(Invitation.EMAILS_LEFT_QUEUED)
                .setParameter("failed", Invitation.EmailStatus.FAILED)
                .setParameter("queued", Invitation.EmailStatus.QUEUED)
                .setParameter("reason", "the server stopped before the email went out; send a reminder")
                .executeUpdate();
    }

    public List<Invitation> ofWave(long waveId) {
        return em.createNamedQuery(Invitation.OF_WAVE, Invitation.class).setParameter("wave", waveId).getResultList();
    }

    public List<Invitation> ofWave(long studyId, long waveId) {
        studies.wave(studyId, waveId);
        return ofWave(waveId);
    }

    public Invitation find(long id) {
        return Optional.ofNullable(em.find(Invitation.class, id))
                .orElseThrow(() -> ProblemException.notFound("There is no invitation " + id + "."));
    }

    public Invitation revoke(long id, String agent) {
        Invitation invitation = find(id);
        invitation.revoke();
        audit.record(agent, Action.REVOKED, SUBJECT, String.valueOf(id), invitation.actor().name());
        return invitation;
    }

    public Issued reissue(long id, String agent) {
        Invitation invitation = find(id);
        InvitationToken token = InvitationToken.generate();
        invitation.reissue(token.hash());
        audit.record(agent, Action.CHANGED, SUBJECT, String.valueOf(id), "reissued");
        return new Issued(invitation, Optional.of(token));
    }

    /** Emails the invitation again; only a new token can be sent, since the old one is not kept. */
    public Issued remind(long id, String agent) {
        Invitation invitation = find(id);
        if (invitation.isRevoked()) {
            throw ProblemException.conflict("Invitation " + id + " is revoked; reissue it to give the actor a new link.");
        }
        if (invitation.status() == Invitation.Status.SUBMITTED) {
            throw ProblemException.conflict("Invitation " + id + " is answered already.");
        }
        if (invitation.actor().email() == null) {
            throw ProblemException.conflict(invitation.actor().name() + " has no email address in the register.");
        }
        if (!mail.enabled()) {
            throw ProblemException.conflict("Email is not set up on this server (" + Settings.MAIL_HOST
                    + "); reissue the invitation and pass the link on yourself.");
        }
        InvitationToken token = InvitationToken.generate();
        invitation.reissue(token.hash());
        audit.record(agent, Action.CHANGED, SUBJECT, String.valueOf(id), "reminder queued with a new link");
        Issued issued = new Issued(invitation, Optional.of(token));
        queue(List.of(issued));
        return issued;
    }

    /** Counts by actor type, each type present in the register or the invitations. */
    public Map<String, Progress> progress(long studyId, long waveId) {
        studies.wave(studyId, waveId);
        Map<String, Progress> counts = new LinkedHashMap<>();
        Progress zero = new Progress(0, 0, 0, 0, 0, 0);
        for (ActorType type : ActorType.values()) {
            counts.put(type.name(), zero);
        }
        Progress all = zero;
        for (Invitation invitation : ofWave(waveId)) {
            counts.merge(invitation.actor().type().name(), zero.plus(invitation.status()),
                    (a, b) -> a.plus(invitation.status()));
            all = all.plus(invitation.status());
        }
        counts.put("all", all);
        return counts;
    }
}
