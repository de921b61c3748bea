package org.clusterlens.platform.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Outbox numbers are taken in blocks of 50 like every other id: one sequence round trip per
 * outbox row, under EclipseLink's global sequencing lock, held up every concurrent submission.
 * <p>
 * In Java because the restart value depends on the rows already there, and PostgreSQL takes only
 * a constant after RESTART WITH. EclipseLink reads a sequence value as the last id of its block,
 * so the next value handed out must be the highest number in use plus 50.
 */
public class V5__OutboxNumbersInBlocks extends BaseJavaMigration {

    static final int BLOCK = 50;

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            long highest;
            try (ResultSet r = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox")) {
                r.next();
                highest = r.getLong(1);
            }
            statement.execute("ALTER SEQUENCE outbox_seq INCREMENT BY " + BLOCK + " RESTART WITH " + (highest + BLOCK));
        }
    }
}
