package org.clusterlens.themes.control.suggestions;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.themes.control.LanguageAnalysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Suggestions against human coding (src/bench/themes-suggestions.sh): a share of a labelled corpus
 * is taken as hand-coded, the learner and a nearest-centroid baseline are trained on it, and the
 * top suggestion of each other answer is compared with its human code. Prints markdown.
 */
public final class SuggestionBenchmark {
    private static final int BINS = 10;

    private record Answer(String text, Map<String, String> codes) {
    }

    private record Run(double micro, double macro, double centroidMicro, double centroidMacro, double trainSeconds, double seconds,
            double centroidSeconds, int coded, int themes, int codes, List<double[]> confidenceAndRight,
            double[][] bins) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", "../shared/testdata/freetext/phase1_text_data.csv"));
        List<String> levels = List.of(options.getOrDefault("levels", "label,subcategory").split(","));
        double[] fractions = Arrays.stream(options.getOrDefault("fractions", "0.05,0.10,0.20").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int seeds = Integer.parseInt(options.getOrDefault("seeds", "5"));
        double[] thresholds = Arrays.stream(options.getOrDefault("thresholds", "0.3,0.5,0.7,0.9").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        String language = options.getOrDefault("language", "en");

        List<Answer> corpus = read(data, options.getOrDefault("text", "feedback"), levels);
        System.out.printf(Locale.ROOT, "%d answers from %s; %d draws per share (seeds 1–%d); %s, %s%n%n",
                corpus.size(), data.getFileName(), seeds, seeds, Runtime.version(),
                Runtime.getRuntime().availableProcessors() + " CPUs");
        LanguageAnalysis analysis = new LanguageAnalysis(List.of());
        warmUp(analysis, corpus, levels.getFirst(), language);

        Map<String, Map<Double, List<Run>>> results = new LinkedHashMap<>();
        for (String level : levels) {
            for (double fraction : fractions) {
                for (int seed = 1; seed <= seeds; seed++) {
                    Run run = run(analysis, corpus, level, fraction, seed, language);
                    results.computeIfAbsent(level, l -> new LinkedHashMap<>())
                            .computeIfAbsent(fraction, f -> new ArrayList<>()).add(run);
                    System.err.printf(Locale.ROOT, "%s %.0f %% seed %d: micro %.3f macro %.3f (centroid %.3f %.3f) %.2f s%n",
                            level, fraction * 100, seed, run.micro(), run.macro(), run.centroidMicro(),
                            run.centroidMacro(), run.seconds());
                }
            }
        }
        printF1(results);
        printThresholds(results, thresholds);
        printReliability(results);
    }

    /**
     * Every (answer, theme) pair, not only the top suggestion, by confidence: the share of pairs
     * in each band where the human code is that theme, against the band's mean confidence.
     */
    private static void printReliability(Map<String, Map<Double, List<Run>>> results) {
        System.out.println("| level | coded by hand | " + java.util.stream.IntStream.range(0, BINS)
                .mapToObj(b -> String.format(Locale.ROOT, "%.1f–%.1f", b / (double) BINS, (b + 1) / (double) BINS))
                .collect(java.util.stream.Collectors.joining(" | ")) + " |");
        System.out.println("|---|---:|" + "---:|".repeat(BINS));
        results.forEach((level, byFraction) -> byFraction.forEach((fraction, runs) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f %% |", level, fraction * 100));
            for (int b = 0; b < BINS; b++) {
                double count = 0;
                double confidence = 0;
                double right = 0;
                for (Run run : runs) {
                    count += run.bins()[b][0];
                    confidence += run.bins()[b][1];
                    right += run.bins()[b][2];
                }
                row.append(count == 0 ? " – |" : String.format(Locale.ROOT, " %.2f / %.2f (%.0f) |",
                        confidence / count, right / count, count / runs.size()));
            }
            System.out.println(row);
        }));
        System.out.println();
        System.out.println("Each cell: mean confidence / share right (pairs per draw).");
    }

    private static void warmUp(LanguageAnalysis analysis, List<Answer> corpus, String level, String language) {
        run(analysis, corpus, level, 0.05, 0, language);
    }

    private static Run run(LanguageAnalysis analysis, List<Answer> corpus, String level, double fraction, int seed,
            String language) {
        Map<String, Long> ids = new TreeMap<>();
        corpus.forEach(a -> ids.putIfAbsent(a.codes().get(level), 0L));
        long next = 0;
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            id.setValue(next++);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int coded = (int) Math.round(fraction * corpus.size());
        List<CodedText> training = new ArrayList<>();
        for (int i : order.subList(0, coded)) {
            Answer a = corpus.get(i);
            training.add(new CodedText(a.text(), language, Set.of(ids.get(a.codes().get(level)))));
        }
        List<Integer> rest = order.subList(coded, order.size());
        long[] truth = rest.stream().mapToLong(i -> ids.get(corpus.get(i).codes().get(level))).toArray();

        long start = System.nanoTime();
        SuggestionModel model = new SuggestionLearner(analysis).train(training);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long[] suggested = new long[rest.size()];
        List<double[]> confidenceAndRight = new ArrayList<>();
        double[][] bins = new double[BINS][3];
        for (int k = 0; k < rest.size(); k++) {
            List<Suggestion> all = model.suggest(new AnswerText(corpus.get(rest.get(k)).text(), language),
                    Integer.MAX_VALUE, 0);
            suggested[k] = all.isEmpty() ? -1 : all.getFirst().themeId();
            if (!all.isEmpty()) {
                confidenceAndRight.add(new double[] {all.getFirst().confidence(), suggested[k] == truth[k] ? 1 : 0});
            }
            for (Suggestion s : all) {
                double[] bin = bins[Math.min(BINS - 1, (int) (s.confidence() * BINS))];
                bin[0]++;
                bin[1] += s.confidence();
                bin[2] += s.themeId() == truth[k] ? 1 : 0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        NearestCentroid centroid = NearestCentroid.train(analysis, training);
        long[] nearest = rest.stream().mapToLong(i -> centroid.nearest(new AnswerText(corpus.get(i).text(), language)))
                .toArray();
        double centroidSeconds = (System.nanoTime() - start) / 1e9;

        return new Run(microF1(truth, suggested), macroF1(truth, suggested), microF1(truth, nearest),
                macroF1(truth, nearest), trainSeconds, seconds, centroidSeconds, coded, model.themes().size(), ids.size(),
                confidenceAndRight, bins);
    }

    /** Each answer has one human code and at most one suggestion; no suggestion is a miss. */
    static double microF1(long[] truth, long[] suggested) {
        int right = 0;
        int wrong = 0;
        int none = 0;
        for (int k = 0; k < truth.length; k++) {
            if (suggested[k] < 0) {
                none++;
            } else if (suggested[k] == truth[k]) {
                right++;
            } else {
                wrong++;
            }
        }
        int missed = wrong + none;
        return 2.0 * right / (2.0 * right + wrong + missed);
    }

    /** Unweighted mean of each code's F1, over the codes that are in the truth or suggested. */
    static double macroF1(long[] truth, long[] suggested) {
        Map<Long, int[]> counts = new HashMap<>();
        for (int k = 0; k < truth.length; k++) {
            int[] t = counts.computeIfAbsent(truth[k], c -> new int[3]);
            if (suggested[k] == truth[k]) {
                t[0]++;
            } else {
                t[2]++;
                if (suggested[k] >= 0) {
                    counts.computeIfAbsent(suggested[k], c -> new int[3])[1]++;
                }
            }
        }
        return counts.values().stream().mapToDouble(c -> c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]))
                .average().orElse(0);
    }

    private static void printF1(Map<String, Map<Double, List<Run>>> results) {
        System.out.println("| level | coded by hand | themes learnt / codes | micro F1, suggestions | micro F1, nearest centroid"
                + " | macro F1, suggestions | macro F1, nearest centroid | train, s | train + score the rest, s | centroid, s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach((level, byFraction) -> byFraction.forEach((fraction, runs) -> System.out.printf(Locale.ROOT,
                "| %s (%d) | %.0f %% (%d) | %s / %d | %s | %s | %s | %s | %s | %s | %s |%n", level, runs.getFirst().codes(),
                fraction * 100, runs.getFirst().coded(), summary(runs, Run::themes, "%.0f"), runs.getFirst().codes(),
                summary(runs, Run::micro, "%.3f"), summary(runs, Run::centroidMicro, "%.3f"),
                summary(runs, Run::macro, "%.3f"), summary(runs, Run::centroidMacro, "%.3f"),
                summary(runs, Run::trainSeconds, "%.2f"), summary(runs, Run::seconds, "%.2f"),
                summary(runs, Run::centroidSeconds, "%.2f"))));
        System.out.println();
    }

    /**
     * Suggesting only above a confidence: the share of uncoded answers that get one (coverage), the
     * share of those that match the human code (precision), and their mean confidence, which should
     * be close to the precision if confidence means what it says.
     */
    private static void printThresholds(Map<String, Map<Double, List<Run>>> results, double[] thresholds) {
        System.out.println("| level | coded by hand | top suggestion's confidence ≥ | coverage | precision | mean confidence |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        results.forEach((level, byFraction) -> byFraction.forEach((fraction, runs) -> {
            for (double threshold : thresholds) {
                List<double[]> coverage = new ArrayList<>();
                for (Run run : runs) {
                    List<double[]> kept = run.confidenceAndRight().stream().filter(p -> p[0] >= threshold).toList();
                    int total = Math.max(1, run.confidenceAndRight().size());
                    coverage.add(new double[] {(double) kept.size() / total,
                            kept.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN),
                            kept.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN)});
                }
                System.out.printf(Locale.ROOT, "| %s | %.0f %% | %.1f | %s | %s | %s |%n", level, fraction * 100, threshold,
                        summary(coverage, c -> c[0], "%.3f"), summary(coverage, c -> c[1], "%.3f"),
                        summary(coverage, c -> c[2], "%.3f"));
            }
        }));
        System.out.println();
    }

    private static <T> String summary(List<T> runs, ToDoubleFunction<T> value, String format) {
        double[] values = runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return "–";
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", mean, min, max);
    }

    private static List<Answer> read(Path data, String textColumn, List<String> levels) throws IOException {
        List<Answer> answers = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : csv) {
                String text = row.get(textColumn);
                Map<String, String> codes = new HashMap<>();
                levels.forEach(level -> codes.put(level, row.get(level)));
                if (!text.isBlank() && codes.values().stream().noneMatch(String::isBlank)) {
                    answers.add(new Answer(text, codes));
                }
            }
        }
        return answers;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        return options;
    }
}
