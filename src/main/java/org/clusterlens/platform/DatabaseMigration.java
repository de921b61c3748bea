package org.clusterlens.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.clusterlens.platform.migration.V5__OutboxNumbersInBlocks;
import org.clusterlens.platform.migration.V7__StudyTeams;
import org.clusterlens.platform.migration.V9__OutboxTransactionIds;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/** Brings the schema up to date before anything else touches the database. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String vendor = vendor();
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // listed, not scanned for: the few migrations that need code
                .javaMigrations(new V5__OutboxNumbersInBlocks(), new V7__StudyTeams(), new V9__OutboxTransactionIds())
                .load()
                .migrate();
        LOG.info(() -> "Database (" + vendor + ") at schema version " + result.targetSchemaVersion
                + ", " + result.migrationsExecuted + " migration(s) applied");
    }

    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }
}
