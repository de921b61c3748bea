package org.clusterlens.themes.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as PostgreSQL keeps it, in memory: transactions get increasing ids, outbox numbers
 * come from per-instance blocks of 50, and commits land in whatever order the test chooses. It
 * hands rows out by the same rule as {@link PostgresOutboxFeed}'s query: under the horizon (the
 * oldest transaction still running), in (xid, seq) order. Every row it hands out is recorded.
 */
final class SimulatedPostgres implements OutboxFeed {
    private long nextXid = 1000;
    private final Map<Long, Transaction> running = new TreeMap<>();
    private final List<OutboxRow> committed = new ArrayList<>();
    final List<OutboxRow> handedOut = new ArrayList<>();

    private final AtomicLong sequence = new AtomicLong();

    /** One instance's outbox numbers: blocks of 50 taken from the database's sequence, as EclipseLink does. */
    static final class Numbers {
        private final AtomicLong sequence;
        private long next;
        private long blockEnd;

        Numbers(AtomicLong sequence) {
            this.sequence = sequence;
        }

        synchronized long next() {
            if (next == 0 || next > blockEnd) {
                blockEnd = sequence.addAndGet(50);
                next = blockEnd - 49;
            }
            return next++;
        }
    }

    /** A new instance on this database, with its own block of numbers. */
    Numbers instance() {
        return new Numbers(sequence);
    }

    final class Transaction {
        private final long xid;
        private final List<OutboxRow> rows = new ArrayList<>();

        private Transaction(long xid) {
            this.xid = xid;
        }

        Transaction write(Numbers numbers, long responseId) {
            rows.add(new OutboxRow(new OutboxPosition(xid, numbers.next()), responseId));
            return this;
        }

        void commit() {
            synchronized (SimulatedPostgres.this) {
                running.remove(xid);
                committed.addAll(rows);
            }
        }

        void rollback() {
            synchronized (SimulatedPostgres.this) {
                running.remove(xid);
            }
        }
    }

    synchronized Transaction begin() {
        Transaction t = new Transaction(nextXid++);
        running.put(t.xid, t);
        return t;
    }

    synchronized List<OutboxRow> committed() {
        return List.copyOf(committed);
    }

    private long horizon() {
        return running.isEmpty() ? nextXid : running.keySet().iterator().next();
    }

    @Override
    public synchronized List<OutboxRow> after(OutboxPosition position, int limit) {
        long horizon = horizon();
        List<OutboxRow> rows = committed.stream()
                .filter(r -> r.position().xid() < horizon && r.position().isAfter(position))
                .sorted(Comparator.comparing(OutboxRow::position)).limit(limit).toList();
        handedOut.addAll(rows);
        return rows;
    }

    @Override
    public synchronized OutboxPosition settled() {
        return new OutboxPosition(horizon() - 1, Long.MAX_VALUE);
    }

    @Override
    public synchronized boolean reached(OutboxPosition position) {
        return position.xid() < nextXid;
    }

    @Override
    public String database() {
        return "postgresql";
    }
}
