package org.clusterlens.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.control.discovery.Background;
import org.clusterlens.themes.control.discovery.CandidateTheme;
import org.clusterlens.themes.control.discovery.Discovery;
import org.clusterlens.themes.control.discovery.SliceAnswer;
import org.clusterlens.themes.control.discovery.ThemeDiscovery;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Candidate themes against human coding (docs/benchmarks.md, "Themes: discovery quality"): on a
 * corpus of coded free-text answers, discovery and three baselines in one run, scored at both
 * levels of the coding; then stability under shuffles, time at 10,000 and 100,000 answers, and the
 * themes' phrases. Nothing here is tuned to the corpus: every method runs with the number of
 * themes discovery's own rule gives for the corpus size.
 *
 * <p>{@code ThemesQualityBenchmark <csv> [seed]}; markdown on stdout, progress on stderr.
 */
public final class ThemesQualityBenchmark {
    private static final int SHUFFLES = 5;
    private static final int TIMED_RUNS = 3;
    private static final List<Integer> SPEED_SIZES = List.of(10_000, 100_000);

    private record Coded(String text, String label, String code) {
    }

    private record Row(String method, double seconds, ClusteringScores.Scores labels, ClusteringScores.Scores codes) {
    }

    private ThemesQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261202L;
        List<Coded> corpus = read(csv);
        List<String> texts = corpus.stream().map(Coded::text).toList();
        int[] labels = ids(corpus.stream().map(Coded::label).toList());
        int[] codes = ids(corpus.stream().map(Coded::code).toList());
        LanguageAnalysis analysis = new LanguageAnalysis(List.of());
        List<SliceAnswer> answers = texts.stream().map(t -> SliceAnswer.of(t, "en")).toList();
        int k = ThemeDiscovery.themesFor(answers.size());
        System.out.printf(Locale.ROOT, "Corpus: `%s`, %,d answers, %d labels, %d codes; k = %d for every method; "
                        + "seed %d; %s, %d CPUs.%n%n", csv.getFileName(), texts.size(), distinct(labels), distinct(codes), k,
                seed, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        List<Row> rows = new ArrayList<>();
        Discovery[] discovered = new Discovery[1];
        rows.add(row("ClusterLens discovery", () -> {
            discovered[0] = ThemeDiscovery.discover(answers, List.of(), Background.STUDY, analysis);
            return discovered[0].themeOf();
        }, labels, codes));
        rows.add(row("k-means on TF-IDF", () -> PlainKMeans.cluster(texts, analysis.text("en"), k, seed), labels, codes));
        CarrotBaselines carrot = new CarrotBaselines();
        rows.add(row("Carrot2 Lingo", () -> carrot.lingo(texts, k), labels, codes));
        rows.add(row("Carrot2 bisecting k-means", () -> carrot.bisectingKMeans(texts, k), labels, codes));
        printQuality(rows, distinct(labels), distinct(codes));
        printStability(answers, analysis, discovered[0].themeOf(), seed);
        printSpeed(answers, analysis, seed);
        printThemes(discovered[0], corpus);
    }

    private static Row row(String method, Supplier<int[]> clustering, int[] labels, int[] codes) {
        System.err.println("running " + method + "...");
        long start = System.nanoTime();
        int[] clusters = clustering.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Row(method, seconds, ClusteringScores.of(clusters, labels), ClusteringScores.of(clusters, codes));
    }

    private static void printQuality(List<Row> rows, int labelCount, int codeCount) {
        System.out.printf(Locale.ROOT, "| Method | NMI (%d labels) | ARI (labels) | purity (labels) | NMI (%d codes) | "
                + "ARI (codes) | purity (codes) | unassigned | time, s |%n", labelCount, codeCount);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f %% | %.2f |%n", r.method(),
                    r.labels().nmi(), r.labels().ari(), r.labels().purity(), r.codes().nmi(), r.codes().ari(),
                    r.codes().purity(), 100 * r.labels().unassigned(), r.seconds());
        }
        System.out.println();
    }

    /** Each shuffled run's themes, answer by answer, against the first run's. */
    private static void printStability(List<SliceAnswer> answers, LanguageAnalysis analysis, int[] first, long seed) {
        System.err.println("stability...");
        List<String> nmis = new ArrayList<>();
        boolean identical = true;
        for (int s = 0; s < SHUFFLES; s++) {
            Integer[] order = new Integer[answers.size()];
            Arrays.setAll(order, i -> i);
            Collections.shuffle(Arrays.asList(order), new Random(seed + s));
            List<SliceAnswer> shuffled = Arrays.stream(order).map(answers::get).toList();
            int[] themeOf = ThemeDiscovery.discover(shuffled, List.of(), Background.STUDY, analysis).themeOf();
            int[] aligned = new int[answers.size()];
            for (int i = 0; i < order.length; i++) {
                aligned[order[i]] = themeOf[i];
            }
            identical &= Arrays.equals(first, aligned);
            nmis.add(String.format(Locale.ROOT, "%.4f", ClusteringScores.nmi(aligned, first)));
        }
        System.out.printf("Stability: %d shuffled orders, NMI with the unshuffled run: %s; every answer in the same "
                + "theme: %s.%n%n", SHUFFLES, String.join(", ", nmis), identical ? "yes" : "no");
    }

    /** Answers drawn with replacement from the corpus; median of the timed runs after one warm-up. */
    private static void printSpeed(List<SliceAnswer> answers, LanguageAnalysis analysis, long seed) {
        System.out.println("| Answers (resampled) | discovery, s (median of " + TIMED_RUNS + ") | themes | unassigned |");
        System.out.println("|---:|---:|---:|---:|");
        for (int size : SPEED_SIZES) {
            System.err.println("timing " + size + "...");
            Random random = new Random(seed + size);
            List<SliceAnswer> resampled = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                resampled.add(answers.get(random.nextInt(answers.size())));
            }
            Discovery warm = ThemeDiscovery.discover(resampled, List.of(), Background.STUDY, analysis);
            double[] seconds = new double[TIMED_RUNS];
            for (int r = 0; r < TIMED_RUNS; r++) {
                long start = System.nanoTime();
                ThemeDiscovery.discover(resampled, List.of(), Background.STUDY, analysis);
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "| %,d | %.2f | %d | %.1f %% |%n", size, seconds[TIMED_RUNS / 2],
                    warm.themes().size(), 100 * warm.unassignedShare());
        }
        System.out.println();
    }

    private static void printThemes(Discovery discovery, List<Coded> corpus) {
        List<List<Integer>> members = new ArrayList<>();
        discovery.themes().forEach(t -> members.add(new ArrayList<>()));
        for (int i = 0; i < discovery.themeOf().length; i++) {
            if (discovery.themeOf()[i] >= 0) {
                members.get(discovery.themeOf()[i]).add(i);
            }
        }
        System.out.println("| # | size | top phrases (G²) | most common human code (share) |");
        System.out.println("|---:|---:|---|---|");
        for (int t = 0; t < discovery.themes().size(); t++) {
            CandidateTheme theme = discovery.themes().get(t);
            String phrases = theme.phrases().stream().limit(5)
                    .map(p -> String.format(Locale.ROOT, "%s (%.0f)", p.text().replace("|", "\\|"), p.g2()))
                    .collect(Collectors.joining(", "));
            Map<String, Long> codes = members.get(t).stream().collect(Collectors.groupingBy(i -> corpus.get(i).code(),
                    Collectors.counting()));
            Map.Entry<String, Long> top = codes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow();
            System.out.printf(Locale.ROOT, "| %d | %d | %s | %s (%.0f %%) |%n", t + 1, theme.size(), phrases, top.getKey(),
                    100.0 * top.getValue() / theme.size());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Unassigned: %d answers (%.1f %%) without a word that another answer shares.%n",
                discovery.unassigned(), 100 * discovery.unassignedShare());
    }

    private static List<Coded> read(Path csv) throws IOException {
        List<Coded> corpus = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : parser) {
                corpus.add(new Coded(r.get("feedback"), r.get("label"), r.get("subcategory")));
            }
        }
        return corpus;
    }

    private static int[] ids(List<String> values) {
        Map<String, Integer> ids = new HashMap<>();
        return values.stream().mapToInt(v -> ids.computeIfAbsent(v, x -> ids.size())).toArray();
    }

    private static int distinct(int[] ids) {
        return (int) Arrays.stream(ids).distinct().count();
    }
}
