package org.clusterlens.studies.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends invitation emails in the background once the invitations are committed, one after the
 * other per batch so that a register of hundreds does not flood the mail server. Each invitation
 * records whether its email went out.
 */
@ApplicationScoped
public class InvitationMailQueue {
    private static final Logger LOG = Logger.getLogger(InvitationMailQueue.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Invitations invitations;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invitations.Emails emails) {
        executor.execute(() -> emails.pending().forEach(this::deliver));
    }

    private void deliver(Invitations.PendingEmail email) {
        try {
            invitations.deliver(email);
        } catch (RuntimeException e) {
            // the invitation stays QUEUED only until the next start; the agent can send a reminder
            LOG.log(Level.WARNING, "Invitation email " + email.invitationId() + " not recorded: " + e.getMessage(), e);
        }
    }
}
