package org.clusterlens.responses.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transactions of this instance that are writing outbox rows right now. A transaction enters
 * before its first row is given a number and leaves once it has committed or rolled back. On H2,
 * which has no transaction ids to tell, this is how the indexer knows that no number below some
 * mark can still appear (docs/themes.md, "H2").
 */
@ApplicationScoped
public class OutboxWriters {
    private final AtomicLong tickets = new AtomicLong();
    private final Set<Long> open = ConcurrentHashMap.newKeySet();

    public long enter() {
        long ticket = tickets.incrementAndGet();
        open.add(ticket);
        return ticket;
    }

    public void leave(long ticket) {
        open.remove(ticket);
    }

    /** The transactions in progress now, to wait for. */
    public Set<Long> inProgress() {
        return Set.copyOf(open);
    }

    /** Whether any of {@code tickets} is still in progress. */
    public boolean anyInProgress(Set<Long> tickets) {
        return tickets.stream().anyMatch(open::contains);
    }
}
