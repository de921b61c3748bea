package org.clusterlens.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The rows one submission writes, with plain JDBC on one connection, as EclipseLink writes them:
 * lock the invitation row (SELECT … FOR UPDATE by token hash), INSERT the response (id from
 * response_seq in blocks of 50), INSERT the outbox row (outbox_seq, blocks of 50 too), UPDATE the
 * invitation (status, opened_at, row_version, with the optimistic-lock check), COMMIT. The
 * benchmark's baseline runs it in its own process; the floor WAR runs it behind HTTP.
 */
public final class JdbcSubmission {

    /** What every submission of the run shares: where it belongs and the answers text stored. */
    public record Shared(long studyId, long waveId, long templateVersionId, String answers, String language,
                         Sequence responseIds, Sequence outboxIds) {
    }

    /** One value of a sequence is the end of a block of {@code allocation} ids, as EclipseLink reads it. */
    public static final class Sequence {
        private final String sql;
        private final int allocation;
        private long next;
        private long last = -1;

        public Sequence(String name, int allocation, boolean postgresql) {
            this.sql = postgresql ? "SELECT nextval('" + name + "')" : "SELECT NEXT VALUE FOR " + name;
            this.allocation = allocation;
        }

        synchronized long next(Connection c) throws SQLException {
            if (next > last) {
                try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
                    r.next();
                    last = r.getLong(1);
                }
                next = last - allocation + 1;
            }
            return next++;
        }
    }

    private final Connection c;
    private final Shared shared;
    private final PreparedStatement lock;
    private final PreparedStatement response;
    private final PreparedStatement outbox;
    private final PreparedStatement invitation;

    public JdbcSubmission(Connection c, Shared shared) throws SQLException {
        this.c = c;
        this.shared = shared;
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        lock = c.prepareStatement("SELECT id, actor_id, status, opened_at, row_version FROM invitation"
                + " WHERE token_hash = ? FOR UPDATE");
        response = c.prepareStatement("INSERT INTO response (id, invitation_id, study_id, wave_id, actor_id,"
                + " template_version_id, language, status, answers, revision, submission_id, submitted_at, created_at,"
                + " updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        outbox = c.prepareStatement("INSERT INTO outbox (seq, response_id, kind, created_at) VALUES (?, ?, ?, ?)");
        invitation = c.prepareStatement("UPDATE invitation SET status = ?, opened_at = ?, row_version = ?"
                + " WHERE id = ? AND row_version = ?");
    }

    /** @return false when no invitation has this token hash */
    public boolean submit(String tokenHash) throws SQLException {
        try {
            lock.setString(1, tokenHash);
            long invitationId;
            long actorId;
            long rowVersion;
            OffsetDateTime openedAt;
            try (ResultSet r = lock.executeQuery()) {
                if (!r.next()) {
                    c.rollback();
                    return false;
                }
                invitationId = r.getLong(1);
                actorId = r.getLong(2);
                openedAt = r.getObject(4, OffsetDateTime.class);
                rowVersion = r.getLong(5);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            long id = shared.responseIds().next(c);
            response.setLong(1, id);
            response.setLong(2, invitationId);
            response.setLong(3, shared.studyId());
            response.setLong(4, shared.waveId());
            response.setLong(5, actorId);
            response.setLong(6, shared.templateVersionId());
            response.setString(7, shared.language());
            response.setString(8, "SUBMITTED");
            response.setString(9, shared.answers());
            response.setInt(10, 1);
            response.setString(11, UUID.randomUUID().toString());
            response.setObject(12, now);
            response.setObject(13, now);
            response.setObject(14, now);
            response.setLong(15, 1);
            response.executeUpdate();
            outbox.setLong(1, shared.outboxIds().next(c));
            outbox.setLong(2, id);
            outbox.setString(3, "submitted");
            outbox.setObject(4, now);
            outbox.executeUpdate();
            invitation.setString(1, "SUBMITTED");
            invitation.setObject(2, openedAt != null ? openedAt : now);
            invitation.setLong(3, rowVersion + 1);
            invitation.setLong(4, invitationId);
            invitation.setLong(5, rowVersion);
            if (invitation.executeUpdate() != 1) {
                throw new SQLException("optimistic lock: invitation " + invitationId + " changed meanwhile");
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
