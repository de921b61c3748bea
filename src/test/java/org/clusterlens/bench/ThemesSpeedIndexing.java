package org.clusterlens.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.AnswerIndex;
import org.clusterlens.themes.control.AnswerQuery;
import org.clusterlens.themes.control.AnswerSearch;
import org.clusterlens.themes.control.AnswerSource;
import org.clusterlens.themes.control.FreeText;
import org.clusterlens.themes.control.IndexedResponse;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.control.OutboxFeed;
import org.clusterlens.themes.control.OutboxPosition;
import org.clusterlens.themes.control.OutboxRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Indexing the same resampled answers in-process, one fresh directory per run: through our
 * {@link AnswerIndex} rebuild (an {@link AnswerSource} of {@link IndexedResponse}s, pages of 200 as
 * from the database), and through a bare {@link IndexWriter} given only the answers' texts with the
 * same analyzer (LanguageAnalysis's English text analyzer). Between the two, steps that add one of
 * the things our documents carry on top, so that the difference can be told apart.
 */
final class ThemesSpeedIndexing {
    static final long STUDY = 1;
    static final String LANGUAGE = "en";

    /** What a run indexes. */
    enum Variant {
        BARE("bare IndexWriter: text_en only (positions, not stored), same analyzer"),
        OURS("ours: AnswerIndex rebuild (AnswerSource pages of 200, AnswerDocuments, one commit with the outbox position)"),
        STORED_OFFSETS("bare + offsets in text_en + the answer stored"),
        PHRASES("… + phrases_en (2–3-word n-grams), the answer analysed again for it (per-field analyzer)"),
        PHRASES_ONCE("… the same, the phrases made from the text field's words (CachingTokenFilter, as AnswerDocuments does)"),
        DOCUMENTS("AnswerDocuments.document into a plain IndexWriter (everything ours indexes, without AnswerIndex)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final List<IndexedResponse> responses;
    private final int answers;
    private final LanguageAnalysis analysis = new LanguageAnalysis(List.of());
    private final Path work;

    ThemesSpeedIndexing(Path work, String[][] resampled, long seed) {
        this.work = work;
        List<IndexedResponse> list = new ArrayList<>(resampled.length);
        for (int i = 0; i < resampled.length; i++) {
            ThemesSpeedCorpus.Actor actor = ThemesSpeedCorpus.actor(i, seed);
            List<FreeText> texts = List.of(
                    new FreeText(ThemesSpeedCorpus.IMPROVE, "/" + ThemesSpeedCorpus.IMPROVE, "", "long_text", resampled[i][0], false),
                    new FreeText(ThemesSpeedCorpus.LIKED, "/" + ThemesSpeedCorpus.LIKED, "", "long_text", resampled[i][1], false));
            long wave = 1 + i % 2;
            list.add(new IndexedResponse(i + 1, true, STUDY, wave, "patient-feedback", 1, LANGUAGE, actor.type(),
                    actor.sector(), actor.sizeBand(), 100_000 + i, String.format("P-%06X", (i * 2_654_435_761L) & 0xFFFFFF),
                    texts));
        }
        this.responses = List.copyOf(list);
        this.answers = list.stream().mapToInt(r -> r.answers().size()).sum();
    }

    int answers() {
        return answers;
    }

    LanguageAnalysis analysis() {
        return analysis;
    }

    /** A result of one run: wall time, documents and bytes on disk. */
    record Run(Variant variant, long nanos, long documents, long bytes, Path directory) {
    }

    Run run(Variant variant, String name) throws IOException {
        Path dir = work.resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir);
        long documents;
        long started = System.nanoTime();
        if (variant == Variant.OURS) {
            // a direct executor: open() finds no index and rebuilds it before it returns
            try (AnswerIndex index = new AnswerIndex(dir, new NoOutbox(), new Source(), Runnable::run)) {
                index.open();
                if (!index.complete()) {
                    throw new IllegalStateException("the rebuild did not complete: " + index.rebuildProgress());
                }
                long elapsed = System.nanoTime() - started;
                documents = index.search(s -> (long) s.getIndexReader().numDocs());
                return new Run(variant, elapsed, documents, size(dir), dir);
            }
        }
        Analyzer analyzer = variant == Variant.BARE || variant == Variant.STORED_OFFSETS ? analysis.text(LANGUAGE)
                : analysis.byField();
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            String text = LanguageAnalysis.textField(LANGUAGE);
            String phrases = LanguageAnalysis.phrasesField(LANGUAGE);
            for (IndexedResponse response : responses) {
                for (FreeText answer : response.answers()) {
                    Document doc;
                    switch (variant) {
                        case BARE -> {
                            doc = new Document();
                            doc.add(new TextField(text, answer.text(), Field.Store.NO));
                        }
                        case STORED_OFFSETS -> {
                            doc = new Document();
                            doc.add(new Field(text, answer.text(), STORED_WITH_OFFSETS));
                        }
                        case PHRASES -> {
                            doc = new Document();
                            doc.add(new Field(text, answer.text(), STORED_WITH_OFFSETS));
                            doc.add(new Field(phrases, answer.text(), FREQS));
                        }
                        case PHRASES_ONCE -> {
                            doc = new Document();
                            CachingTokenFilter words = new CachingTokenFilter(
                                    analysis.text(LANGUAGE).tokenStream(text, answer.text()));
                            doc.add(new Field(text, words, ANALYSED_WITH_OFFSETS));
                            doc.add(new StoredField(text, answer.text()));
                            doc.add(new Field(phrases, LanguageAnalysis.phrasesOf(words), FREQS));
                        }
                        case DOCUMENTS -> doc = AnswerDocuments.document(response, answer, analysis);
                        default -> throw new IllegalArgumentException(variant.name());
                    }
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            long elapsed = System.nanoTime() - started;
            documents = writer.getDocStats().numDocs;
            return new Run(variant, elapsed, documents, size(dir), dir);
        }
    }

    private static final FieldType STORED_WITH_OFFSETS = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true);
    private static final FieldType FREQS = type(IndexOptions.DOCS_AND_FREQS, false);
    private static final FieldType ANALYSED_WITH_OFFSETS = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, false);

    private static FieldType type(IndexOptions options, boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    // ------------------------------------------------------------------------------------------
    // Searching the indexes in-process

    /** A plain IndexSearcher over a bare index: parse as ours does (AND), top hits to the page's depth. */
    static final class BareSearch implements AutoCloseable {
        private final FSDirectory directory;
        private final DirectoryReader reader;
        private final IndexSearcher searcher;
        private final Analyzer analyzer;

        BareSearch(Path dir, LanguageAnalysis analysis) throws IOException {
            directory = FSDirectory.open(dir);
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            analyzer = analysis.text(LANGUAGE);
        }

        /**
         * The top hits as a plain IndexSearcher finds them; its total is exact only up to 1,000
         * hits (Lucene's default threshold: past it, hits are skipped rather than counted).
         */
        long search(String q, int depth) throws Exception {
            TopDocs top = searcher.search(parse(q), depth);
            return top.totalHits.value();
        }

        /** Every hit counted, to check the totals against ours. */
        long count(String q) throws Exception {
            return searcher.count(parse(q));
        }

        private Query parse(String q) throws Exception {
            QueryParser parser = new QueryParser(LanguageAnalysis.textField(LANGUAGE), analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            return parser.parse(q);
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }

    /** Our search in-process on our own index: AnswerQuery, filters, facets, snippets, stored fields. */
    final class OurSearch implements AutoCloseable {
        private final AnswerIndex index;

        OurSearch(Path dir) throws IOException {
            index = new AnswerIndex(dir, new NoOutbox(), new Source(), Runnable::run);
            index.open();
        }

        long search(String q, String question, String actorType, int page, int size) throws Exception {
            AnswerSearch.Request request = new AnswerSearch.Request(STUDY, q, question, actorType, null, null, page, size,
                    true);
            Query parsed = AnswerQuery.parse(q, analysis);
            return index.search(s -> AnswerSearch.run(s, index.facets(s.getIndexReader()), request, parsed, analysis)).total();
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }

    // ------------------------------------------------------------------------------------------

    /** The responses, as a database's pages would hand them to a rebuild. */
    private final class Source implements AnswerSource {
        @Override
        public List<IndexedResponse> current(Collection<Long> responseIds) {
            return responseIds.stream().map(id -> id >= 1 && id <= responses.size() ? responses.get((int) (id - 1))
                    : IndexedResponse.withdrawn(id)).toList();
        }

        @Override
        public List<IndexedResponse> submittedAfter(long afterId, int limit) {
            int from = (int) Math.min(Math.max(afterId, 0), responses.size());
            return responses.subList(from, Math.min(responses.size(), from + limit));
        }

        @Override
        public long submittedCount() {
            return responses.size();
        }

        @Override
        public Map<Long, List<String>> stopWords(Collection<Long> studyIds) {
            return Map.of();
        }
    }

    /** An outbox with nothing after the rebuild's position. */
    private static final class NoOutbox implements OutboxFeed {
        @Override
        public List<OutboxRow> after(OutboxPosition position, int limit) {
            return List.of();
        }

        @Override
        public OutboxPosition settled() {
            return new OutboxPosition(1, 0);
        }

        @Override
        public boolean reached(OutboxPosition position) {
            return true;
        }

        @Override
        public String database() {
            return "benchmark";
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
