package org.clusterlens.studies.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Invitation emails still queued when the server stopped cannot be sent any more (their tokens
 * lived only in memory): at start they are marked failed, so that the agent sees it and sends a
 * reminder, which makes a new link.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class QueuedEmailsAtStart {
    private static final Logger LOG = Logger.getLogger(QueuedEmailsAtStart.class.getName());

    @Inject
    Invitations invitations;

    @PostConstruct
    void markAbandoned() {
        int abandoned = invitations.abandonQueuedEmails();
        if (abandoned > 0) {
            LOG.warning(abandoned + " invitation email(s) were still queued when the server stopped;"
                    + " they are marked failed");
        }
    }
}
