package org.clusterlens.responses.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.clusterlens.responses.entity.OutboxEntry;

/**
 * Writes outbox rows in the caller's transaction. The first row of a transaction also enters it
 * in {@link OutboxWriters} until it ends, and fires {@link Written}, which observers hear once the
 * transaction has committed ({@code during = AFTER_SUCCESS}): the indexer's nudge.
 */
@ApplicationScoped
public class Outbox {
    /** Some outbox rows were written; heard after the commit, it says they are there to read. */
    public record Written() {
    }

    private static final Object ENTERED = new Object();

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxWriters writers;

    @Inject
    Event<Written> written;

    public void write(long responseId, OutboxEntry.Kind kind) {
        if (transactions.getResource(ENTERED) == null) {
            transactions.putResource(ENTERED, Boolean.TRUE);
            // entered before the row gets its number: see OutboxWriters
            long ticket = writers.enter();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    writers.leave(ticket);
                }
            });
            written.fire(new Written());
        }
        em.persist(new OutboxEntry(responseId, kind));
    }
}
