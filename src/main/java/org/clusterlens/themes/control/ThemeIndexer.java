package org.clusterlens.themes.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.clusterlens.platform.DataDirectory;
import org.clusterlens.platform.Database;
import org.clusterlens.platform.Settings;
import org.clusterlens.responses.control.Outbox;
import org.clusterlens.responses.control.OutboxWriters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns this instance's {@link AnswerIndex}: opens it at start (catching up, or rebuilding it when
 * it is missing or damaged), reads the outbox every few seconds, and at once after a submission on
 * this instance commits. Submissions on other instances are picked up by the poll.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ThemeIndexer {
    private static final Logger LOG = Logger.getLogger(ThemeIndexer.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxWriters writers;

    @Inject
    ThemeSources sources;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = Settings.THEMES_DIR)
    Optional<String> configuredDirectory;

    @Inject
    @ConfigProperty(name = Settings.THEMES_POLL_SECONDS, defaultValue = Settings.THEMES_POLL_SECONDS_DEFAULT)
    int pollSeconds;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private AnswerIndex index;
    private ScheduledFuture<?> poll;

    @PostConstruct
    void start() {
        Path directory = configuredDirectory.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize())
                .orElseGet(() -> dataDirectory.root().resolve("themes"));
        OutboxFeed feed = isPostgres() ? new PostgresOutboxFeed(dataSource) : new H2OutboxFeed(dataSource, writers);
        index = new AnswerIndex(directory, feed, sources, executor);
        try {
            index.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the answer index in " + directory, e);
        }
        poll = scheduler.scheduleWithFixedDelay(this::catchUp, 0, Math.max(1, pollSeconds), TimeUnit.SECONDS);
        LOG.info(() -> "Answer index in " + directory + " follows the outbox on " + feed.database());
    }

    public AnswerIndex index() {
        return index;
    }

    /** A transaction that wrote outbox rows has committed on this instance: read them now. */
    public void afterOutboxCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (nudged.compareAndSet(false, true)) {
            executor.execute(() -> {
                nudged.set(false);
                catchUp();
            });
        }
    }

    private void catchUp() {
        try {
            index.catchUp();
        } catch (RuntimeException e) {
            // the next poll tries again from the same position: nothing was committed past it
            LOG.log(Level.WARNING, "Reading the outbox into the answer index failed: " + e.getMessage(), e);
        }
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
        try {
            index.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the answer index failed", e);
        }
    }
}
