package org.clusterlens.platform.migration;

import org.clusterlens.studies.control.Pseudonyms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Study teams: who belongs to which study and as what, and each study's secret for pseudonyms.
 * <p>
 * In Java because every existing study needs a random key of its own (H2 and PostgreSQL spell
 * random functions differently) and its creator becomes its first agent, as new studies do.
 */
public class V7__StudyTeams extends BaseJavaMigration {

    private static final List<String> SCHEMA = List.of(
            "ALTER TABLE study ADD COLUMN pseudonym_key VARCHAR(64)",
            "ALTER TABLE study ADD COLUMN leads_see_identities BOOLEAN DEFAULT FALSE NOT NULL",
            "ALTER TABLE study ADD COLUMN strangers_see_register BOOLEAN DEFAULT FALSE NOT NULL",
            """
            CREATE TABLE study_member (
                id        BIGINT       NOT NULL PRIMARY KEY,
                study_id  BIGINT       NOT NULL REFERENCES study (id),
                user_id   BIGINT       NOT NULL REFERENCES app_user (id),
                role      VARCHAR(20)  NOT NULL,
                added_by  VARCHAR(254) NOT NULL,
                added_at  TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT study_member_uk UNIQUE (study_id, user_id)
            )""",
            "CREATE INDEX study_member_user_idx ON study_member (user_id)");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
        List<long[]> founders = new ArrayList<>();
        List<Long> studies = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT s.id, u.id FROM study s LEFT JOIN app_user u ON u.email = s.created_by")) {
            while (r.next()) {
                studies.add(r.getLong(1));
                long user = r.getLong(2);
                if (!r.wasNull()) {
                    founders.add(new long[]{r.getLong(1), user});
                }
            }
        }
        try (PreparedStatement key = connection.prepareStatement("UPDATE study SET pseudonym_key = ? WHERE id = ?")) {
            for (long study : studies) {
                key.setString(1, Pseudonyms.newKey());
                key.setLong(2, study);
                key.addBatch();
            }
            key.executeBatch();
        }
        try (PreparedStatement member = connection.prepareStatement(
                "INSERT INTO study_member (id, study_id, user_id, role, added_by, added_at) "
                        + "VALUES (?, ?, ?, 'agent', 'system', CURRENT_TIMESTAMP)")) {
            long id = 1;
            for (long[] founder : founders) {
                member.setLong(1, id++);
                member.setLong(2, founder[0]);
                member.setLong(3, founder[1]);
                member.addBatch();
            }
            member.executeBatch();
        }
        // EclipseLink takes a sequence value as the end of a block of 50 ids: the first block
        // handed out must start above the founders' ids
        long start = (founders.size() / 50 + 2) * 50L;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE study_member_seq START WITH " + start + " INCREMENT BY 50");
        }
    }
}
