package org.clusterlens.exports.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export as it reads the responses, in one pass: the main table goes straight onto the
 * output; the tables of repeats and linkage questions wait on disk for their turn, because a ZIP
 * and a workbook hold their files one after another.
 */
public final class ExportFiles {

    /** The responses to export, one at a time, in a stable order. */
    @FunctionalInterface
    public interface ResponseSource {
        void forEach(ResponseConsumer consumer) throws IOException;
    }

    @FunctionalInterface
    public interface ResponseConsumer {
        void accept(ExportedResponse response) throws IOException;
    }

    private final ExportLayout layout;
    private final ExportOptions options;

    public ExportFiles(ExportLayout layout, ExportOptions options) {
        this.layout = layout;
        this.options = options;
    }

    public void write(ResponseSource source, OutputStream out) throws IOException {
        switch (options.format()) {
            case CSV -> csv(source, out);
            case ZIP -> zip(source, out);
            case XLSX -> xlsx(source, out);
        }
    }

    private void csv(ResponseSource source, OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        CsvTable main = new CsvTable(buffered, layout.main().header(), true);
        main.flush();
        buffered.flush();
        source.forEach(response -> layout.rows(response, (table, cells) -> main.row(cells), true));
        main.close();
    }

    private void zip(ResponseSource source, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        Map<ExportTable, String> files = fileNames();
        Map<ExportTable, Path> spooled = new LinkedHashMap<>();
        Map<ExportTable, CsvTable> writers = new LinkedHashMap<>();
        try {
            for (ExportTable table : layout.tables().subList(1, layout.tables().size())) {
                Path file = Files.createTempFile("clusterlens-export-", ".csv");
                spooled.put(table, file);
                writers.put(table, new CsvTable(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                        table.header(), true));
            }
            zip.putNextEntry(new ZipEntry(files.get(layout.main())));
            CsvTable main = new CsvTable(new Unclosable(zip), layout.main().header(), true);
            main.flush();
            zip.flush();
            source.forEach(response -> layout.rows(response, (table, cells) -> {
                if (table == layout.main()) {
                    main.row(cells);
                } else {
                    writers.get(table).row(cells);
                }
            }, false));
            main.close();
            zip.closeEntry();
            for (Map.Entry<ExportTable, Path> child : spooled.entrySet()) {
                writers.get(child.getKey()).close();
                zip.putNextEntry(new ZipEntry(files.get(child.getKey())));
                Files.copy(child.getValue(), zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("dictionary.csv"));
            try (CsvTable dictionary = new CsvTable(new Unclosable(zip), DataDictionary.header(layout.languages()), true)) {
                for (Object[] row : DataDictionary.rows(layout)) {
                    dictionary.row(row);
                }
            }
            zip.closeEntry();
            String language = labelLanguage();
            for (ExportTable table : layout.tables()) {
                String csv = files.get(table);
                String stem = csv.substring(0, csv.length() - ".csv".length());
                text(zip, stem + ".sps", StatisticsSyntax.spss(table, csv, language));
                text(zip, stem + ".do", StatisticsSyntax.stata(table, csv, language));
            }
            zip.finish();
            zip.flush();
        } finally {
            for (CsvTable writer : writers.values()) {
                closeQuietly(writer);
            }
            for (Path file : spooled.values()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void xlsx(ResponseSource source, OutputStream out) throws IOException {
        Map<ExportTable, RowSpool> spools = new LinkedHashMap<>();
        try (StreamedWorkbook workbook = new StreamedWorkbook()) {
            List<ExportTable> children = layout.tables().subList(1, layout.tables().size());
            for (ExportTable table : children) {
                spools.put(table, new RowSpool(table.columns().size()));
            }
            workbook.sheet(ExportLayout.MAIN, rows -> {
                rows.header(layout.main().header());
                source.forEach(response -> layout.rows(response, (table, cells) -> {
                    if (table == layout.main()) {
                        rows.row(cells);
                    } else {
                        spools.get(table).add(cells);
                    }
                }, false));
                rows.finish();
            });
            for (ExportTable table : children) {
                workbook.sheet(table.name(), rows -> {
                    rows.header(table.header());
                    spools.get(table).replay((t, cells) -> rows.row(cells), table);
                    rows.finish();
                });
            }
            workbook.sheet("dictionary", rows -> {
                rows.header(DataDictionary.header(layout.languages()));
                for (Object[] row : DataDictionary.rows(layout)) {
                    rows.row(row);
                }
                rows.finish();
            });
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            workbook.write(buffered);
            buffered.flush();
        } finally {
            for (RowSpool spool : spools.values()) {
                closeQuietly(spool);
            }
        }
    }

    /** {@code answers.csv}, then one file per repeat or linkage table, unique ignoring case. */
    private Map<ExportTable, String> fileNames() {
        Set<String> used = new HashSet<>(List.of("dictionary"));
        Map<ExportTable, String> names = new LinkedHashMap<>();
        for (ExportTable table : layout.tables()) {
            String name = table.name();
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = table.name() + "_" + n;
            }
            names.put(table, name + ".csv");
        }
        return names;
    }

    private String labelLanguage() {
        if (options.language() != null) {
            return options.language();
        }
        return layout.languages().isEmpty() ? "en" : layout.languages().getFirst();
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // cleaning up after a failed export; the first failure is the one reported
        }
    }
}
