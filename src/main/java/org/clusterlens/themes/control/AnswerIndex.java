package org.clusterlens.themes.control;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.clusterlens.platform.BoundedMap;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This instance's index of free-text answers, kept in step with the outbox. The directory
 * {@code root} holds index generations and a file {@code current} naming the one in use. A
 * rebuild writes a new generation beside it from the response table, catches it up with the
 * outbox, and only then swaps it in; searches go on against the old one meanwhile. A generation
 * that is missing, unreadable, of another layout or from another database is rebuilt by itself.
 */
public final class AnswerIndex implements Closeable {
    private static final Logger LOG = Logger.getLogger(AnswerIndex.class.getName());
    private static final String CURRENT = "current";
    private static final int BATCH = 200;
    private static final DateTimeFormatter GENERATION_NAME =
            DateTimeFormatter.ofPattern("'index-'yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    /** Searches and reads one searcher of the index; the searcher is released afterwards. */
    @FunctionalInterface
    public interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private final Path root;
    private final OutboxFeed feed;
    private final AnswerSource source;
    private final Executor background;
    /** Held while a generation takes documents, and while generations are swapped. */
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicReference<RebuildProgress> rebuild = new AtomicReference<>(RebuildProgress.IDLE);
    private final BoundedMap<List<String>, LanguageAnalysis> analyses = new BoundedMap<>(256);

    private volatile IndexGeneration current;
    private volatile boolean complete;
    private volatile boolean closed;
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {
    }

    public AnswerIndex(Path root, OutboxFeed feed, AnswerSource source, Executor background) {
        this.root = root;
        this.feed = feed;
        this.source = source;
        this.background = background;
    }

    /** Opens the current generation, or starts building one when there is no usable one. */
    public void open() throws IOException {
        Files.createDirectories(root);
        String problem;
        Optional<Path> named = currentGeneration();
        if (named.isEmpty()) {
            problem = "there is no index yet";
        } else {
            try {
                IndexGeneration opened = IndexGeneration.open(named.get(), false);
                problem = unusable(opened);
                if (problem == null) {
                    current = opened;
                    complete = true;
                    removeGenerationsBut(named.get());
                    return;
                }
                opened.close();
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                problem = "the index is damaged or of another Lucene version (" + e.getMessage() + ")";
            } catch (NoSuchFileException | FileNotFoundException e) {
                problem = "the index is missing or incomplete (" + e.getMessage() + ")";
            } catch (IOException e) {
                problem = "the index cannot be read (" + e + ")";
            }
        }
        String reason = problem;
        LOG.warning(() -> "Answer index in " + root + ": " + reason + "; rebuilding it from the database");
        removeGenerationsBut(null);
        // an empty generation answers searches until the rebuild swaps in the full one
        current = IndexGeneration.open(newGenerationPath(), true);
        complete = false;
        startRebuild(reason);
    }

    private String unusable(IndexGeneration generation) {
        Optional<OutboxPosition> position = generation.position();
        if (position.isEmpty() || !generation.madeBy(feed.database())) {
            return "the index was made by another version of ClusterLens or for another database";
        }
        if (!feed.reached(position.get())) {
            return "the index has read further than this database's outbox goes: it was made from another database";
        }
        return null;
    }

    /** Whether the index holds every submitted answer read so far (false while the first one is built). */
    public boolean complete() {
        return complete;
    }

    public RebuildProgress rebuildProgress() {
        return rebuild.get();
    }

    /**
     * Reads the outbox after the current generation's position, batch by batch, until nothing is
     * left that has settled. Returns the number of rows read.
     */
    public int catchUp() {
        int total = 0;
        while (!closed) {
            writing.lock();
            try {
                IndexGeneration generation = current;
                Optional<OutboxPosition> position = generation.position();
                if (position.isEmpty()) {
                    return total;
                }
                int read = step(generation, position.get());
                if (read == 0) {
                    return total;
                }
                total += read;
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                damaged(e);
                return total;
            } catch (AlreadyClosedException e) {
                if (closed) {
                    return total;
                }
                // the writer closed itself after a failed write (a full disk): only a new generation helps
                damaged(e);
                return total;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writing.unlock();
            }
        }
        return total;
    }

    /** One batch of settled rows into {@code generation}, committed with the last row's position. */
    private int step(IndexGeneration generation, OutboxPosition position) throws IOException {
        List<OutboxRow> rows = feed.after(position, BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> ids = rows.stream().map(OutboxRow::responseId).collect(Collectors.toCollection(LinkedHashSet::new));
        List<IndexedResponse> responses = source.current(ids);
        generation.apply(responses, analysesOf(responses), rows.getLast().position(), feed.database());
        return rows.size();
    }

    /** Starts a rebuild in the background unless one is running; returns its progress. */
    public RebuildProgress startRebuild(String reason) {
        RebuildProgress running = rebuild.get();
        if (running.running()) {
            return running;
        }
        RebuildProgress started = RebuildProgress.started(reason);
        if (!rebuild.compareAndSet(running, started)) {
            return rebuild.get();
        }
        background.execute(this::rebuildNow);
        return started;
    }

    /** The index failed on damaged files: build it again, and keep serving what still reads. */
    public void damaged(Exception e) {
        LOG.log(Level.SEVERE, "The answer index is damaged; rebuilding it from the database", e);
        startRebuild("the index is damaged (" + e.getMessage() + ")");
    }

    private void rebuildNow() {
        Path path = newGenerationPath();
        IndexGeneration fresh = null;
        try {
            fresh = IndexGeneration.open(path, true);
            OutboxPosition from = feed.settled();
            rebuild.updateAndGet(p -> p.counting(source.submittedCount()));
            long after = 0;
            while (!closed) {
                List<IndexedResponse> page = source.submittedAfter(after, BATCH);
                if (page.isEmpty()) {
                    break;
                }
                Function<Long, LanguageAnalysis> analysis = analysesOf(page);
                for (IndexedResponse response : page) {
                    fresh.add(response, analysis);
                }
                after = page.getLast().responseId();
                int read = page.size();
                rebuild.updateAndGet(p -> p.read(read));
            }
            if (closed) {
                throw new IllegalStateException("the server is stopping");
            }
            fresh.commit(from, feed.database());
            // the rows committed while the tables were read, most of them without holding up the old index
            while (step(fresh, fresh.position().orElseThrow()) > 0) {
                // next batch
            }
            IndexGeneration old;
            writing.lock();
            try {
                while (step(fresh, fresh.position().orElseThrow()) > 0) {
                    // next batch
                }
                writeCurrentGeneration(path);
                old = current;
                current = fresh;
                complete = true;
            } finally {
                writing.unlock();
            }
            // done only once the old generation is gone: its files can be half the disk's use
            retire(old);
            rebuild.updateAndGet(RebuildProgress::finished);
            LOG.info(() -> "Answer index rebuilt in " + path + ": " + rebuild.get().done() + " response(s)");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Rebuilding the answer index failed", e);
            rebuild.updateAndGet(p -> p.failed(e.getClass().getSimpleName() + ": " + e.getMessage()));
            if (fresh != null && fresh != current) {
                retire(fresh);
            }
        }
    }

    /** Runs a search on the current generation; a swap in between is retried on the new one. */
    public <T> T search(Search<T> search) throws IOException {
        while (true) {
            IndexGeneration generation = current;
            IndexSearcher searcher;
            try {
                searcher = generation.searchers().acquire();
            } catch (AlreadyClosedException e) {
                if (generation == current) {
                    throw e;
                }
                continue;
            }
            try {
                return search.run(searcher);
            } finally {
                generation.searchers().release(searcher);
            }
        }
    }

    /** The facet ordinals of a reader, made once per reader (it costs a pass over the values). */
    public Optional<SortedSetDocValuesReaderState> facets(IndexReader reader) throws IOException {
        FacetState known = facetState;
        if (known != null && known.reader() == reader) {
            return known.state();
        }
        Optional<SortedSetDocValuesReaderState> state;
        try {
            state = Optional.of(new DefaultSortedSetDocValuesReaderState(reader, AnswerDocuments.FACETS_CONFIG));
        } catch (IllegalArgumentException e) {
            // no document has facets yet
            state = Optional.empty();
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    /** The analysis for a study's stop words, shared by every study with the same list. */
    public LanguageAnalysis analysis(List<String> stopWords) {
        synchronized (analyses) {
            return analyses.computeIfAbsent(List.copyOf(stopWords), LanguageAnalysis::new);
        }
    }

    private Function<Long, LanguageAnalysis> analysesOf(List<IndexedResponse> responses) {
        Set<Long> studies = responses.stream().filter(IndexedResponse::submitted).map(IndexedResponse::studyId)
                .collect(Collectors.toSet());
        Map<Long, List<String>> words = studies.isEmpty() ? Map.of() : source.stopWords(studies);
        Map<Long, LanguageAnalysis> byStudy = new HashMap<>();
        studies.forEach(study -> byStudy.put(study, analysis(words.getOrDefault(study, List.of()))));
        return byStudy::get;
    }

    private Optional<Path> currentGeneration() throws IOException {
        Path file = root.resolve(CURRENT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String name = Files.readString(file, StandardCharsets.UTF_8).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(root.resolve(name));
    }

    /** Written aside and moved over, so that the file names either the old or the new generation. */
    private void writeCurrentGeneration(Path generation) throws IOException {
        Path written = root.resolve(CURRENT + ".new");
        Files.writeString(written, generation.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(written, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private synchronized Path newGenerationPath() {
        Path path = root.resolve(GENERATION_NAME.format(Instant.now()));
        while (Files.exists(path)) {
            path = root.resolve(path.getFileName() + "-");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /** Closes a generation and deletes its files; searches still holding its searcher finish first. */
    private static void retire(IndexGeneration generation) {
        try {
            generation.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the index generation " + generation.path() + " failed", e);
        }
        deleteTree(generation.path());
    }

    private void removeGenerationsBut(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(Files::isDirectory).filter(p -> !p.equals(keep)).toList()) {
                deleteTree(entry);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the next start, which removes every generation it does not use
            LOG.fine(() -> "Could not delete " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        writing.lock();
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            writing.unlock();
        }
    }
}
