package org.clusterlens.themes.control;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One index directory with its writer and searchers. Documents and the outbox position they
 * reach are committed together, in one Lucene commit: after a crash the index opens at its last
 * commit, with the position that matches its documents, and reads on from there.
 */
final class IndexGeneration implements Closeable {
    private static final String DATABASE = "database";
    private static final String LAYOUT = "layout";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexGeneration(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index at {@code path}, or creates an empty one there. */
    static IndexGeneration open(Path path, boolean create) throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            if (!create) {
                // reading the last commit first: a missing or damaged index fails here, not later
                DirectoryReader.open(directory).close();
            }
            // text fields arrive analysed (AnswerDocuments); the writer's analyzer is never asked
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    // only commit() commits, always with the position its documents reach
                    .setCommitOnClose(false);
            return new IndexGeneration(path, directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    SearcherManager searchers() {
        return searchers;
    }

    Optional<OutboxPosition> position() {
        return OutboxPosition.of(commitData());
    }

    /** Whether the last commit was made by this layout of documents, from this kind of database. */
    boolean madeBy(String database) {
        Map<String, String> data = commitData();
        return AnswerDocuments.LAYOUT.equals(data.get(LAYOUT)) && database.equals(data.get(DATABASE));
    }

    /** Replaces the documents of each response, then commits them with {@code position}. */
    void apply(Collection<IndexedResponse> responses, Function<Long, LanguageAnalysis> analysisOfStudy,
               OutboxPosition position, String database) throws IOException {
        for (IndexedResponse response : responses) {
            add(response, analysisOfStudy);
        }
        commit(position, database);
    }

    /** Replaces one response's documents, to be committed later. */
    void add(IndexedResponse response, Function<Long, LanguageAnalysis> analysisOfStudy) throws IOException {
        writer.deleteDocuments(AnswerDocuments.responseTerm(response.responseId()));
        if (!response.submitted()) {
            return;
        }
        LanguageAnalysis analysis = analysisOfStudy.apply(response.studyId());
        for (FreeText answer : response.answers()) {
            writer.addDocument(AnswerDocuments.document(response, answer, analysis));
        }
    }

    void commit(OutboxPosition position, String database) throws IOException {
        Map<String, String> data = new HashMap<>();
        position.writeTo(data);
        data.put(DATABASE, database);
        data.put(LAYOUT, AnswerDocuments.LAYOUT);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closed in reverse order: searchers, writer, directory
        }
    }
}
