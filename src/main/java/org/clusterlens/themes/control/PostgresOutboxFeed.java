package org.clusterlens.themes.control;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox on PostgreSQL, where each row records its transaction ({@code xid}, migration V9).
 * Every transaction with an id below the horizon {@code pg_snapshot_xmin(pg_current_snapshot())}
 * has ended, so no row can ever commit below it any more: rows under the horizon are handed out in
 * (xid, seq) order, and the horizon is read in the same statement, against the same snapshot, as
 * the rows. Instances share the table and never change it; each keeps its own position.
 */
public final class PostgresOutboxFeed implements OutboxFeed {
    private static final String AFTER = """
            SELECT xid::text, seq, response_id FROM outbox
            WHERE (xid, seq) > (CAST(CAST(? AS text) AS xid8), ?)
              AND xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY xid, seq
            LIMIT ?""";

    private final DataSource dataSource;

    public PostgresOutboxFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<OutboxRow> after(OutboxPosition position, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(AFTER)) {
            s.setString(1, Long.toString(position.xid()));
            s.setLong(2, position.seq());
            s.setInt(3, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new OutboxRow(new OutboxPosition(Long.parseLong(r.getString(1)), r.getLong(2)), r.getLong(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** Just below the horizon: every row of an older transaction is committed (or never will be). */
    @Override
    public OutboxPosition settled() {
        long horizon = snapshotBound("pg_snapshot_xmin");
        return new OutboxPosition(horizon - 1, Long.MAX_VALUE);
    }

    /** An index from another database cluster can name transactions this one has not started yet. */
    @Override
    public boolean reached(OutboxPosition position) {
        return position.xid() < snapshotBound("pg_snapshot_xmax");
    }

    @Override
    public String database() {
        return "postgresql";
    }

    private long snapshotBound(String function) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + function + "(pg_current_snapshot())::text");
             ResultSet r = s.executeQuery()) {
            r.next();
            return Long.parseLong(r.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the transaction horizon: " + e.getMessage(), e);
        }
    }
}
