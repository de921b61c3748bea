package org.clusterlens.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real comments of the shared free-text corpus (phase1_text_data.csv, column {@code feedback}),
 * and answers resampled from them with a seeded {@link Random}: response {@code i} of a batch answers
 * the questionnaire's two long-text questions, {@code improve} with a comment the corpus has for its
 * first question (Q1) and {@code liked} with one it has for its second (Q2). The same seed gives the
 * same answers, in-process and in the database alike.
 */
final class ThemesSpeedCorpus {
    static final String IMPROVE = "improve";
    static final String LIKED = "liked";
    static final List<String> QUESTIONS = List.of(IMPROVE, LIKED);
    private static final Pattern WORD = Pattern.compile("[a-z]{3,}");
    private static final Set<String> SMALL_WORDS = Set.of("the", "and", "was", "were", "for", "with", "that", "this",
            "have", "had", "has", "not", "but", "are", "they", "you", "very", "all", "from", "been", "there", "which",
            "would", "could", "their", "them", "what", "when", "who", "will", "she", "her", "his", "him", "our", "any",
            "can", "did", "out", "into", "than", "then", "too", "also", "just", "its", "more", "some", "such", "nothing");

    final List<String> first = new ArrayList<>();
    final List<String> second = new ArrayList<>();
    final List<String> all = new ArrayList<>();

    private ThemesSpeedCorpus() {
    }

    static ThemesSpeedCorpus read(Path csv) throws IOException {
        ThemesSpeedCorpus corpus = new ThemesSpeedCorpus();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (CSVRecord record : parser) {
                String text = record.get("feedback");
                if (text == null || text.isBlank()) {
                    continue;
                }
                corpus.all.add(text);
                (record.get("question").endsWith("Q2") ? corpus.second : corpus.first).add(text);
            }
        }
        if (corpus.first.isEmpty() || corpus.second.isEmpty()) {
            throw new IllegalStateException(csv + " has no comments for both questions");
        }
        return corpus;
    }

    /** The two answers of each of {@code responses} responses: [i][0] to improve, [i][1] to liked. */
    String[][] resample(int responses, long seed) {
        Random random = new Random(seed);
        String[][] answers = new String[responses][];
        for (int i = 0; i < responses; i++) {
            answers[i] = new String[] {first.get(random.nextInt(first.size())), second.get(random.nextInt(second.size()))};
        }
        return answers;
    }

    /** A register entry of response {@code i}: its actor type, sector and size band, drawn from the seed. */
    record Actor(String type, String sector, String sizeBand) {
    }

    private static final String[] SECTORS = {"primary_care", "primary_care", "community", "community", "mental_health",
            "acute", "acute", "acute", "dental"};
    private static final String[] BANDS = {"micro", "small", "small", "medium", "large"};

    static Actor actor(int index, long seed) {
        Random random = new Random(seed * 7_919L + index);
        int t = random.nextInt(100);
        return new Actor(t < 80 ? "firm" : t < 95 ? "institution" : "other", SECTORS[random.nextInt(SECTORS.length)],
                BANDS[random.nextInt(BANDS.length)]);
    }

    /**
     * The benchmark's fixed queries, drawn from the corpus's own words with {@code seed}: single
     * words (frequent and rare), two-word phrases as they occur in comments, two words joined by
     * AND, OR of two words, prefixes of frequent words.
     */
    List<String> queries(long seed) {
        Map<String, Integer> counts = new HashMap<>();
        List<List<String>> tokenized = new ArrayList<>();
        for (String text : all) {
            List<String> words = new ArrayList<>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                words.add(m.group());
                if (!SMALL_WORDS.contains(m.group())) {
                    counts.merge(m.group(), 1, Integer::sum);
                }
            }
            tokenized.add(words);
        }
        List<String> ranked = counts.entrySet().stream().filter(e -> e.getValue() >= 5)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> frequent = ranked.subList(0, Math.min(200, ranked.size()));
        List<String> rarer = ranked.subList(Math.min(200, ranked.size()), ranked.size());
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queries.add(frequent.get(random.nextInt(frequent.size())));
            queries.add(rarer.get(random.nextInt(rarer.size())));
        }
        while (queries.size() < 100) {
            List<String> words = tokenized.get(random.nextInt(tokenized.size()));
            if (words.size() < 2) {
                continue;
            }
            int at = random.nextInt(words.size() - 1);
            if (counts.containsKey(words.get(at)) && counts.containsKey(words.get(at + 1))) {
                queries.add("\"" + words.get(at) + " " + words.get(at + 1) + "\"");
            }
        }
        for (int i = 0; i < 30; i++) {
            queries.add(frequent.get(random.nextInt(frequent.size())) + " " + ranked.get(random.nextInt(Math.min(500, ranked.size()))));
        }
        for (int i = 0; i < 40; i++) {
            queries.add(ranked.get(random.nextInt(Math.min(500, ranked.size()))) + " OR "
                    + ranked.get(random.nextInt(Math.min(500, ranked.size()))));
        }
        while (queries.size() < 200) {
            String word = frequent.get(random.nextInt(frequent.size()));
            if (word.length() >= 5) {
                queries.add(word.substring(0, 4) + "*");
            }
        }
        return queries;
    }
}
