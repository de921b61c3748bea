package org.clusterlens.themes.control;

import org.clusterlens.responses.control.OutboxWriters;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outbox on H2 (embedded, one instance): rows are handed out in number order up to the
 * {@link CommitHorizon}, above which a slower transaction could still commit a lower number.
 */
public final class H2OutboxFeed implements OutboxFeed {
    private static final long WAIT_MILLIS = 20;

    private final DataSource dataSource;
    private final OutboxWriters writers;
    private final CommitHorizon horizon;

    public H2OutboxFeed(DataSource dataSource, OutboxWriters writers) {
        this.dataSource = dataSource;
        this.writers = writers;
        this.horizon = new CommitHorizon(this::highestCommitted, writers);
    }

    @Override
    public List<OutboxRow> after(OutboxPosition position, int limit) {
        long settled = horizon.settled();
        if (settled <= position.seq()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, response_id FROM outbox WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, position.seq());
            s.setLong(2, settled);
            s.setInt(3, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new OutboxRow(new OutboxPosition(0, r.getLong(1)), r.getLong(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** The highest number committed now, once the writers in progress now have ended. */
    @Override
    public OutboxPosition settled() {
        long highest = highestCommitted();
        Set<Long> inProgress = writers.inProgress();
        while (writers.anyInProgress(inProgress)) {
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for outbox writers", e);
            }
        }
        return new OutboxPosition(0, highest);
    }

    @Override
    public boolean reached(OutboxPosition position) {
        return position.xid() == 0 && position.seq() <= highestCommitted();
    }

    @Override
    public String database() {
        return "h2";
    }

    private long highestCommitted() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM outbox");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }
}
