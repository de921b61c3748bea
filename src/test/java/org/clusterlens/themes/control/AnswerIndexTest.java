package org.clusterlens.themes.control;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.clusterlens.themes.control.TestAnswers.freeTexts;
import static org.clusterlens.themes.control.TestAnswers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index follows the outbox: every committed row once, through crashes, rebuilds and late commits. */
class AnswerIndexTest {
    @TempDir
    Path root;

    private final SimulatedPostgres database = new SimulatedPostgres();
    private final SimulatedPostgres.Numbers instanceA = database.instance();
    private final SimulatedPostgres.Numbers instanceB = database.instance();
    private final FakeAnswers answers = new FakeAnswers();
    private final List<AnswerIndex> opened = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (AnswerIndex index : opened) {
            index.close();
        }
    }

    private AnswerIndex open(OutboxFeed feed) throws IOException {
        AnswerIndex index = new AnswerIndex(root, feed, answers, Runnable::run);
        opened.add(index);
        index.open();
        return index;
    }

    /** A submission: the response and its outbox row in one transaction, committed later by the caller. */
    private SimulatedPostgres.Transaction submit(SimulatedPostgres.Numbers numbers, IndexedResponse response) {
        return database.begin().write(numbers, response.responseId());
    }

    private void commit(SimulatedPostgres.Transaction transaction, IndexedResponse response) {
        answers.put(response);
        transaction.commit();
    }

    private static long documents(AnswerIndex index, long responseId) throws IOException {
        return index.search(s -> s.count(new TermQuery(AnswerDocuments.responseTerm(responseId))));
    }

    private static long numDocs(AnswerIndex index) throws IOException {
        return index.search(s -> (long) s.getIndexReader().numDocs());
    }

    private static long matches(AnswerIndex index, String query, LanguageAnalysis analysis) throws Exception {
        var parsed = AnswerQuery.parse(query, analysis);
        return index.search(s -> s.count(new BooleanQuery.Builder().add(parsed, Occur.MUST).build()));
    }

    @Test
    void lateCommitsBelowTheHighestNumberSeenAreIndexedAndNoRowIsReadTwice() throws Exception {
        AnswerIndex index = open(database);
        Random random = new Random(42);
        List<Object[]> running = new ArrayList<>();
        long highestSeen = 0;
        int missedByHighestNumber = 0;
        for (long id = 1; id <= 300; id++) {
            IndexedResponse r = response(id, "en", "power cuts at site " + id);
            running.add(new Object[]{submit(random.nextBoolean() ? instanceA : instanceB, r), r});
            while (!running.isEmpty() && random.nextInt(3) == 0) {
                Object[] next = running.remove(random.nextInt(running.size()));
                commit((SimulatedPostgres.Transaction) next[0], (IndexedResponse) next[1]);
            }
            if (random.nextInt(4) == 0) {
                // what a reader taking "every number above the highest seen" would get now
                List<OutboxRow> visible = database.committed();
                long before = highestSeen;
                missedByHighestNumber += (int) visible.stream().filter(row -> row.position().seq() < before
                        && database.handedOut.stream().noneMatch(h -> h.equals(row))).count();
                highestSeen = Math.max(highestSeen, visible.stream().mapToLong(row -> row.position().seq()).max().orElse(0));
                index.catchUp();
            }
        }
        Collections.shuffle(running, random);
        for (Object[] next : running) {
            commit((SimulatedPostgres.Transaction) next[0], (IndexedResponse) next[1]);
        }
        index.catchUp();

        assertTrue(missedByHighestNumber > 0, "the run must have commits landing below numbers already read");
        assertEquals(new HashSet<>(database.committed()), new HashSet<>(database.handedOut));
        assertEquals(database.handedOut.size(), new HashSet<>(database.handedOut).size(), "a row was read twice");
        for (long id = 1; id <= 300; id++) {
            assertEquals(1, documents(index, id), "response " + id);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseEachKeepAWholeIndexOfTheirOwn(@TempDir Path other) throws Exception {
        AnswerIndex first = open(database);
        AnswerIndex second = new AnswerIndex(other, database, answers, Runnable::run);
        opened.add(second);
        second.open();
        Random random = new Random(11);
        List<Object[]> running = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            IndexedResponse r = response(id, "en", "answer " + id);
            running.add(new Object[]{submit(id % 2 == 0 ? instanceA : instanceB, r), r});
            if (random.nextInt(3) == 0) {
                Object[] next = running.remove(random.nextInt(running.size()));
                commit((SimulatedPostgres.Transaction) next[0], (IndexedResponse) next[1]);
            }
            (random.nextBoolean() ? first : second).catchUp();
        }
        for (Object[] next : running) {
            commit((SimulatedPostgres.Transaction) next[0], (IndexedResponse) next[1]);
        }
        first.catchUp();
        second.catchUp();
        assertEquals(100, numDocs(first));
        assertEquals(100, numDocs(second));
    }

    @Test
    void rowsOfATransactionStillRunningWaitEvenWhenLaterOnesHaveCommitted() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse slow = response(1, "en", "slow submission");
        IndexedResponse fast = response(2, "en", "fast submission");
        SimulatedPostgres.Transaction first = submit(instanceA, slow);
        commit(submit(instanceB, fast), fast);
        index.catchUp();
        assertEquals(0, documents(index, 2), "not before the older transaction has ended");
        commit(first, slow);
        index.catchUp();
        assertEquals(1, documents(index, 1));
        assertEquals(1, documents(index, 2));
    }

    @Test
    void aRolledBackSubmissionLeavesNoGapThatHoldsTheIndexBack() throws Exception {
        AnswerIndex index = open(database);
        submit(instanceA, response(1, "en", "never committed")).rollback();
        IndexedResponse later = response(2, "en", "committed");
        commit(submit(instanceA, later), later);
        index.catchUp();
        assertEquals(0, documents(index, 1));
        assertEquals(1, documents(index, 2));
    }

    @Test
    void aCrashBeforeTheCommitLosesNeitherDocumentsNorPositionAndDoublesNothing() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse first = response(1, "en", "flour prices");
        commit(submit(instanceA, first), first);
        index.catchUp();
        IndexedResponse second = response(2, "en", "oven repairs");
        // the third fails to index after the second was written to the index, before the commit
        IndexedResponse broken = TestAnswers.response(3, 1, "en", List.of(new FreeText("main_problem", "/main_problem", "",
                "long_text", null, false)));
        SimulatedPostgres.Transaction both = database.begin().write(instanceA, 2).write(instanceA, 3);
        answers.put(second);
        answers.put(broken);
        both.commit();
        assertThrowsSomething(index::catchUp);
        index.close();

        answers.put(response(3, "en", "water supply"));
        AnswerIndex restarted = open(database);
        restarted.catchUp();
        assertEquals(1, documents(restarted, 1));
        assertEquals(1, documents(restarted, 2));
        assertEquals(1, documents(restarted, 3));
        assertEquals(3, numDocs(restarted));
    }

    private static void assertThrowsSomething(Runnable run) {
        boolean thrown = false;
        try {
            run.run();
        } catch (RuntimeException e) {
            thrown = true;
        }
        assertTrue(thrown);
    }

    @Test
    void aReopenedAndResubmittedResponseReplacesItsDocuments() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse submitted = TestAnswers.response(1, 1, "en", freeTexts(
                "{\"main_problem\": \"flour prices\", \"sites\": [{\"site_problem\": \"no water\"}]}"));
        commit(submit(instanceA, submitted), submitted);
        index.catchUp();
        assertEquals(2, documents(index, 1));

        SimulatedPostgres.Transaction reopening = database.begin().write(instanceA, 1);
        answers.put(IndexedResponse.withdrawn(1));
        reopening.commit();
        index.catchUp();
        assertEquals(0, documents(index, 1), "a reopened response is not submitted any more");

        IndexedResponse again = response(1, "en", "electricity bills");
        commit(submit(instanceB, again), again);
        index.catchUp();
        LanguageAnalysis analysis = new LanguageAnalysis(List.of());
        assertEquals(1, documents(index, 1));
        assertEquals(0, matches(index, "flour", analysis));
        assertEquals(1, matches(index, "electricity", analysis));
    }

    @Test
    void aRestartedIndexCatchesUpWithWhatWasSubmittedWhileItWasDown() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse first = response(1, "en", "first");
        commit(submit(instanceA, first), first);
        index.catchUp();
        index.close();
        for (long id = 2; id <= 450; id++) {
            IndexedResponse r = response(id, "en", "answer " + id);
            commit(submit(id % 2 == 0 ? instanceA : instanceB, r), r);
        }
        AnswerIndex restarted = open(database);
        assertTrue(restarted.complete());
        assertEquals(449, restarted.catchUp(), "read in batches, each row once");
        assertEquals(450, numDocs(restarted));
    }

    @Test
    void aMissingOrDamagedIndexIsRebuiltFromTheDatabase() throws Exception {
        AnswerIndex index = open(database);
        assertEquals("done", index.rebuildProgress().state(), "there was no index: built at once");
        for (long id = 1; id <= 20; id++) {
            IndexedResponse r = response(id, "fr", "coupures de courant " + id);
            commit(submit(instanceA, r), r);
        }
        index.catchUp();
        index.close();
        Path generation = root.resolve(Files.readString(root.resolve("current")).strip());
        try (Stream<Path> files = Files.list(generation)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        AnswerIndex rebuilt = open(database);
        assertTrue(rebuilt.complete());
        assertTrue(rebuilt.rebuildProgress().reason().contains("damaged") || rebuilt.rebuildProgress().reason().contains("read"),
                rebuilt.rebuildProgress().reason());
        assertEquals(20, rebuilt.rebuildProgress().done());
        assertEquals(20, numDocs(rebuilt));
        assertNotEquals(generation.getFileName().toString(), Files.readString(root.resolve("current")).strip());
        assertFalse(Files.exists(generation), "the damaged generation is deleted");
        rebuilt.close();

        try (Stream<Path> all = Files.walk(root.resolve(Files.readString(root.resolve("current")).strip()))) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        AnswerIndex fromNothing = open(database);
        assertEquals(20, numDocs(fromNothing));
    }

    @Test
    void anIndexThatReadFurtherThanThisDatabaseGoesIsRebuilt() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse r = response(1, "en", "from the old database");
        for (int i = 0; i < 5; i++) {
            database.begin().rollback();
        }
        commit(submit(instanceA, r), r);
        index.catchUp();
        index.close();

        AnswerIndex other = open(new SimulatedPostgres());
        assertTrue(other.rebuildProgress().reason().contains("another database"), other.rebuildProgress().reason());
        assertEquals(1, numDocs(other));
    }

    @Test
    void changedStopWordsApplyOnceTheStudysResponsesAreReadAgain() throws Exception {
        AnswerIndex index = open(database);
        IndexedResponse r = response(1, "en", "the cluster needs power");
        commit(submit(instanceA, r), r);
        index.catchUp();
        LanguageAnalysis plain = new LanguageAnalysis(List.of());
        assertEquals(1, matches(index, "cluster", plain));

        answers.setStopWords(1, List.of("cluster"));
        database.begin().write(instanceA, 1).commit();
        index.catchUp();
        assertEquals(0, matches(index, "cluster", plain), "left out of the index, not only of queries");
        assertEquals(1, matches(index, "power", plain));
    }

    @Test
    void aRebuildKeepsAnsweringFromTheOldIndexUntilTheNewOneIsCompleteThenSwaps() throws Exception {
        AnswerIndex first = open(database);
        first.close();
        opened.clear();
        for (long id = 1; id <= 10; id++) {
            IndexedResponse r = response(id, "en", "power cuts " + id);
            commit(submit(instanceA, r), r);
        }
        AnswerIndex index = new AnswerIndex(root, database, answers, task -> new Thread(task).start());
        opened.add(index);
        index.open();
        index.catchUp();
        assertEquals(10, numDocs(index));

        answers.rebuildPaused = new CountDownLatch(1);
        answers.rebuildReleased = new CountDownLatch(1);
        RebuildProgress started = index.startRebuild("test");
        assertTrue(started.running());
        assertTrue(answers.rebuildPaused.await(10, TimeUnit.SECONDS));
        assertTrue(index.startRebuild("again").running(), "a second request joins the running rebuild");

        IndexedResponse during = response(11, "en", "power cuts during the rebuild");
        commit(submit(instanceB, during), during);
        index.catchUp();
        assertEquals(11, numDocs(index), "the old index still answers and follows");

        answers.rebuildPaused = null;
        answers.rebuildReleased.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (index.rebuildProgress().running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("done", index.rebuildProgress().state(), index.rebuildProgress().toString());
        assertEquals(11, numDocs(index));
        assertEquals(1, documents(index, 11));
        Set<String> generations = new HashSet<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory).forEach(p -> generations.add(p.getFileName().toString()));
        }
        assertEquals(Set.of(Files.readString(root.resolve("current")).strip()), generations, "the old generation is gone");
    }
}
