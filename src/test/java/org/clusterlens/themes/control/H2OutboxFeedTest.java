package org.clusterlens.themes.control;

import org.apache.lucene.search.TermQuery;
import org.clusterlens.responses.control.OutboxWriters;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.clusterlens.themes.control.TestAnswers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The H2 outbox, with real transactions on their own connections committing out of order. */
class H2OutboxFeedTest {
    @TempDir
    Path root;

    private final OutboxWriters writers = new OutboxWriters();
    private final FakeAnswers answers = new FakeAnswers();
    private final SimulatedPostgres.Numbers numbers = new SimulatedPostgres.Numbers(new AtomicLong());
    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private H2OutboxFeed feed;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE outbox (seq BIGINT PRIMARY KEY, response_id BIGINT NOT NULL,"
                    + " kind VARCHAR(20) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        feed = new H2OutboxFeed(dataSource, writers);
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    /** A submission's transaction as {@code Outbox} makes it: entered before its row is numbered. */
    private final class Submission {
        final Connection connection;
        final long ticket;
        final long responseId;

        Submission(long responseId) throws SQLException {
            this.responseId = responseId;
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            ticket = writers.enter();
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO outbox (seq, response_id, kind, created_at) VALUES (?, ?, 'submitted', CURRENT_TIMESTAMP)")) {
                s.setLong(1, numbers.next());
                s.setLong(2, responseId);
                s.executeUpdate();
            }
        }

        void commit() throws SQLException {
            answers.put(response(responseId, "en", "answer " + responseId));
            connection.commit();
            connection.close();
            writers.leave(ticket);
        }

        void rollback() throws SQLException {
            connection.rollback();
            connection.close();
            writers.leave(ticket);
        }
    }

    @Test
    void aRowIsHandedOutOnlyOnceNoLowerNumberCanStillCommit() throws SQLException {
        Submission slow = new Submission(1);
        Submission fast = new Submission(2);
        fast.commit();
        assertEquals(List.of(), feed.after(OutboxPosition.START, 10));
        slow.commit();
        List<OutboxRow> rows = feed.after(OutboxPosition.START, 10);
        assertEquals(List.of(1L, 2L), rows.stream().map(OutboxRow::responseId).toList());
        assertEquals(List.of(), feed.after(rows.getLast().position(), 10));
    }

    @Test
    void settledWaitsForTheWritersInProgressThenNamesTheHighestCommittedNumber() throws Exception {
        Submission running = new Submission(1);
        new Submission(2).commit();
        CompletableFuture<OutboxPosition> settled = CompletableFuture.supplyAsync(feed::settled);
        Thread.sleep(100);
        assertFalse(settled.isDone(), "a rebuild must not start while a lower number can still commit");
        running.commit();
        OutboxPosition position = settled.get(5, TimeUnit.SECONDS);
        assertEquals(new OutboxPosition(0, 2), position);
        assertTrue(feed.reached(position));
        assertFalse(feed.reached(new OutboxPosition(0, 3)), "an index that read further came from another database");
    }

    @Test
    void anIndexFollowingH2GetsEveryCommittedSubmissionOnceWhateverTheCommitOrder() throws Exception {
        AnswerIndex index = new AnswerIndex(root, feed, answers, Runnable::run);
        index.open();
        Random random = new Random(7);
        List<Submission> open = new ArrayList<>();
        List<Long> committed = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            open.add(new Submission(id));
            while (!open.isEmpty() && random.nextInt(3) == 0) {
                Submission next = open.remove(random.nextInt(open.size()));
                if (random.nextInt(10) == 0) {
                    next.rollback();
                } else {
                    next.commit();
                    committed.add(next.responseId);
                }
            }
            if (random.nextInt(5) == 0) {
                index.catchUp();
            }
        }
        Collections.shuffle(open, random);
        for (Submission next : open) {
            next.commit();
            committed.add(next.responseId);
        }
        index.catchUp();
        for (long id = 1; id <= 120; id++) {
            long responseId = id;
            long documents = index.search(s -> (long) s.count(new TermQuery(
                    AnswerDocuments.responseTerm(responseId))));
            assertEquals(committed.contains(id) ? 1 : 0, documents, "response " + id);
        }
        index.close();
    }
}
