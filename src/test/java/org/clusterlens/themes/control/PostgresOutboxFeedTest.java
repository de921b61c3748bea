package org.clusterlens.themes.control;

import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.clusterlens.themes.control.TestAnswers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The feed's query against a real PostgreSQL (the local one the integration tests use; skipped
 * without it), with transactions on their own connections committing out of order. Other
 * sessions on a shared server can hold the horizon back for a moment, so reads wait a little.
 */
class PostgresOutboxFeedTest {
    private static final String SERVER = System.getProperty("clusterlens.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "postgres";
    private static String database;
    private static PGSimpleDataSource dataSource;

    @TempDir
    Path root;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = "clusterlens_feed_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            database = null;
            assumeTrue(false, "PostgreSQL is not reachable at " + SERVER + ": " + e.getMessage());
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SERVER + database);
        dataSource.setUser(USER);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE outbox (seq BIGINT PRIMARY KEY, response_id BIGINT NOT NULL,"
                    + " xid xid8 DEFAULT pg_current_xact_id() NOT NULL)");
            s.execute("CREATE INDEX outbox_xid_seq_idx ON outbox (xid, seq)");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private final PostgresOutboxFeed feed = new PostgresOutboxFeed(dataSource);
    private final FakeAnswers answers = new FakeAnswers();

    private static final class Submission {
        final Connection connection;
        final long responseId;
        final long xid;

        Submission(long seq, long responseId) throws SQLException {
            this.responseId = responseId;
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO outbox (seq, response_id) VALUES (" + seq + ", " + responseId + ")");
                try (ResultSet r = s.executeQuery("SELECT pg_current_xact_id()::text")) {
                    r.next();
                    xid = Long.parseLong(r.getString(1));
                }
            }
        }

        void end(boolean commit) throws SQLException {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.close();
        }
    }

    private static <T> T within(Supplier<T> read, Predicate<T> until) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        T value = read.get();
        while (!until.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }

    @Test
    void aRowCommittedFirstWaitsForAnOlderTransactionThenBothComeInTransactionOrder() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(1, 1L << 40) * 1000;
        OutboxPosition start = feed.settled();
        Submission older = new Submission(base + 60, 1);   // a high number from its instance's block
        Submission newer = new Submission(base + 10, 2);
        newer.end(true);
        List<OutboxRow> seen = feed.after(start, 10).stream().filter(r -> r.position().seq() >= base).toList();
        assertEquals(List.of(), seen, "the older transaction could still commit before the newer row");
        assertTrue(feed.settled().xid() < older.xid, "a rebuild now would resume before the older transaction");

        older.end(true);
        List<OutboxRow> rows = within(() -> feed.after(start, 10).stream().filter(r -> r.position().seq() >= base).toList(),
                r -> r.size() == 2);
        assertEquals(List.of(1L, 2L), rows.stream().map(OutboxRow::responseId).toList());
        assertTrue(rows.get(0).position().xid() < rows.get(1).position().xid());
        assertTrue(feed.reached(rows.get(1).position()));
        assertFalse(feed.reached(new OutboxPosition(rows.get(1).position().xid() + 1_000_000_000L, 0)));
    }

    @Test
    void anIndexFollowingPostgresGetsEveryCommittedRowOnceWhateverTheCommitOrder() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(1, 1L << 40) * 1000;
        AnswerIndex index = new AnswerIndex(root, feed, answers, Runnable::run);
        index.open();
        Random random = new Random(3);
        List<Submission> open = new ArrayList<>();
        List<Long> committed = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            // two instances' blocks: numbers of one are all below the other's
            long seq = base + (id % 2 == 0 ? id : 500 + id);
            open.add(new Submission(seq, id));
            while (open.size() > 8 || (!open.isEmpty() && random.nextInt(3) == 0)) {
                Submission next = open.remove(random.nextInt(open.size()));
                boolean commit = random.nextInt(8) != 0;
                if (commit) {
                    answers.put(response(next.responseId, "en", "answer " + next.responseId));
                    committed.add(next.responseId);
                }
                next.end(commit);
            }
            if (random.nextInt(4) == 0) {
                index.catchUp();
            }
        }
        for (Submission next : open) {
            answers.put(response(next.responseId, "en", "answer " + next.responseId));
            committed.add(next.responseId);
            next.end(true);
        }
        within(() -> {
            index.catchUp();
            try {
                return index.search(s -> (long) s.getIndexReader().numDocs());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, n -> n == committed.size());
        for (long id = 1; id <= 60; id++) {
            long responseId = id;
            long documents = index.search(s -> (long) s.count(new TermQuery(
                    AnswerDocuments.responseTerm(responseId))));
            assertEquals(committed.contains(id) ? 1 : 0, documents, "response " + id);
        }
        index.close();
    }
}
