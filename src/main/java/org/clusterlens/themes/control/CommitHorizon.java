package org.clusterlens.themes.control;

import org.clusterlens.responses.control.OutboxWriters;

import java.util.Set;
import java.util.function.LongSupplier;

/**
 * H2's stand-in for PostgreSQL's transaction horizon: the highest outbox number below which no
 * row can commit any more. One instance writes an H2 database, and its sequence hands numbers
 * out in increasing order, so a row that is still missing below a committed number belongs to a
 * transaction of {@link OutboxWriters} that has not ended. The horizon takes the highest committed
 * number, then the writers in progress, and settles on that number once they have all ended.
 * <p>
 * The order matters: a writer enters before its row is numbered, so every writer holding a lower
 * number has entered before the highest number is read, and is in the list taken after it. Taken
 * the other way round, a writer entering in between could hold a lower number and be missed.
 */
public final class CommitHorizon {
    private final LongSupplier highestCommitted;
    private final OutboxWriters writers;

    private long settled;
    private long candidate;
    private Set<Long> waitingFor;

    public CommitHorizon(LongSupplier highestCommitted, OutboxWriters writers) {
        this.highestCommitted = highestCommitted;
        this.writers = writers;
    }

    /** The highest number at or below which every row is committed or never will be. */
    public synchronized long settled() {
        if (waitingFor != null && !writers.anyInProgress(waitingFor)) {
            settled = Math.max(settled, candidate);
            waitingFor = null;
        }
        if (waitingFor == null) {
            candidate = highestCommitted.getAsLong();
            waitingFor = writers.inProgress();
            if (waitingFor.isEmpty()) {
                settled = Math.max(settled, candidate);
                waitingFor = null;
            }
        }
        return settled;
    }
}
