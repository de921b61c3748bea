package org.clusterlens.platform.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * On PostgreSQL every outbox row records the transaction that wrote it, so that a reader can tell
 * which rows can no longer be joined by a later commit below them (docs/themes.md, "Exactly
 * once"). Rows written before this migration all get its own transaction id, which is committed
 * once the migration is. H2 has no transaction ids; the indexer follows it another way.
 * <p>
 * In Java because the column exists on PostgreSQL only.
 */
public class V9__OutboxTransactionIds extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE outbox ADD COLUMN xid xid8 DEFAULT pg_current_xact_id() NOT NULL");
            statement.execute("CREATE INDEX outbox_xid_seq_idx ON outbox (xid, seq)");
        }
    }
}
