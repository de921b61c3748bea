package org.clusterlens.platform.migration;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V5__OutboxNumbersInBlocksTest {

    @Test
    void nextBlockStartsRightAfterTheHighestNumberInUse() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:outbox-existing"); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 1");
            s.execute("CREATE TABLE outbox (seq BIGINT PRIMARY KEY)");
            for (int i = 0; i < 7; i++) {
                s.execute("INSERT INTO outbox VALUES (NEXT VALUE FOR outbox_seq)");
            }
            migrate(c);
            // EclipseLink takes each value as the end of a block of 50
            assertEquals(57, next(s), "first block: 8..57");
            assertEquals(107, next(s), "second block: 58..107");
        }
    }

    @Test
    void anEmptyOutboxStartsAtOne() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:outbox-empty"); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 1");
            s.execute("CREATE TABLE outbox (seq BIGINT PRIMARY KEY)");
            migrate(c);
            assertEquals(50, next(s), "first block: 1..50, no negative numbers");
        }
    }

    private static void migrate(Connection connection) throws SQLException {
        new V5__OutboxNumbersInBlocks().migrate(new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        });
    }

    private static long next(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT NEXT VALUE FOR outbox_seq")) {
            r.next();
            return r.getLong(1);
        }
    }
}
