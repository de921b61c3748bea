package org.clusterlens.themes.control.discovery;

import org.clusterlens.themes.control.LanguageAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Candidate themes of a slice of answers (docs/themes.md, "Discovery"): TF-IDF vectors of the
 * answers' analysed words and word pairs, spherical k-means with k-means++ seeds from a few
 * restarts, each theme labelled by its phrases of highest G² against the background.
 *
 * <p>Deterministic by construction: the answers are first put in content order, the random seeds
 * come from their texts, and every tie goes one fixed way, so the same answers in any order give
 * the same themes. Every answer with a term that another answer shares lands in the theme of the
 * nearest centre; the others are counted as unassigned.
 */
public final class ThemeDiscovery {
    /** A larger slice is clustered on this many of its answers, spread over content order, then assigned whole. */
    public static final int SAMPLE = 3_000;
    public static final int MIN_THEMES = 2;
    public static final int MAX_THEMES = 40;
    static final int RESTARTS = 4;
    static final int ITERATIONS = 40;
    /** Passes over the whole slice after a sample was clustered, so that the centres fit all of it. */
    static final int REFINEMENTS = 3;
    static final int QUOTES = 3;

    private ThemeDiscovery() {
    }

    /**
     * How many themes to look for among {@code n} answers: ⌈√(n/8)⌉, from 2 to 40, so that a theme
     * has about eight times as many answers as there are themes; fewer when the answers have fewer
     * distinct directions.
     */
    public static int themesFor(int n) {
        int k = (int) Math.ceil(Math.sqrt(n / 8.0));
        return Math.clamp(k, MIN_THEMES, MAX_THEMES);
    }

    /**
     * @param slice   the answers to find themes in, in any order
     * @param outside the study's other answers, in any order: the background beyond the slice
     */
    public static Discovery discover(List<SliceAnswer> slice, List<SliceAnswer> outside, Background background,
                                     LanguageAnalysis analysis) {
        int n = slice.size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(slice::get, SliceAnswer.CONTENT_ORDER));
        List<SliceAnswer> answers = Arrays.stream(order).map(slice::get).toList();

        TermAnalysis termAnalysis = new TermAnalysis(analysis);
        TermBag[] bags = answers.stream().map(termAnalysis::bag).toArray(TermBag[]::new);
        int[] sliceAnswers = TfIdf.documentFrequencies(bags, termAnalysis.size());
        int[] outsideAnswers = new int[termAnalysis.size()];
        outside.forEach(a -> termAnalysis.countKnown(a, outsideAnswers));
        int[] columns = TfIdf.columns(sliceAnswers);
        int dims = Arrays.stream(columns).max().orElse(-1) + 1;
        SparseVector[] vectors = TfIdf.vectors(bags, sliceAnswers, columns);

        int[] usable = IntStream.range(0, n).filter(i -> !vectors[i].isEmpty()).toArray();
        int[] theme = new int[n];
        Arrays.fill(theme, -1);
        List<CandidateTheme> themes = new ArrayList<>();
        if (usable.length > 0) {
            SphericalKMeans.Clustering clustering = clustering(usable, vectors, dims, ContentSeed.of(answers));
            for (int u = 0; u < usable.length; u++) {
                theme[usable[u]] = clustering.assigned()[u];
            }
            ThemePhrases phrases = new ThemePhrases(termAnalysis.terms(), sliceAnswers, n, outsideAnswers,
                    outside.size(), background);
            themes = themes(answers, bags, vectors, clustering.centres(), theme, phrases);
        }
        int[] themeOf = new int[n];
        for (int i = 0; i < n; i++) {
            themeOf[order[i]] = theme[i];
        }
        return new Discovery(n, n - usable.length, outside.size(), themes, themeOf);
    }

    /** The clustering of the usable answers, in their order. */
    private static SphericalKMeans.Clustering clustering(int[] usable, SparseVector[] vectors, int dims,
                                                         ContentSeed seed) {
        int k = themesFor(usable.length);
        SparseVector[] all = Arrays.stream(usable).mapToObj(i -> vectors[i]).toArray(SparseVector[]::new);
        if (all.length <= SAMPLE) {
            return SphericalKMeans.cluster(all, k, dims, seed, RESTARTS, ITERATIONS);
        }
        SparseVector[] sample = IntStream.range(0, SAMPLE).mapToObj(s -> all[(int) ((long) s * all.length / SAMPLE)])
                .toArray(SparseVector[]::new);
        Centres centres = SphericalKMeans.cluster(sample, k, dims, seed, RESTARTS, ITERATIONS).centres();
        return SphericalKMeans.lloyd(all, centres, REFINEMENTS);
    }

    /**
     * The themes that hold answers, largest first (then by label, then by their first answer in
     * content order); {@code theme} is renumbered to match.
     */
    private static List<CandidateTheme> themes(List<SliceAnswer> answers, TermBag[] bags, SparseVector[] vectors,
                                               Centres centres, int[] theme, ThemePhrases phrases) {
        int n = answers.size();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (theme[i] >= 0) {
                members.get(theme[i]).add(i);
            }
        }
        record Found(int centre, List<Integer> members, CandidateTheme theme) {
        }
        List<Found> found = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            List<Integer> in = members.get(c);
            if (in.isEmpty()) {
                continue;
            }
            ThemePhrases.Words words = phrases.of(in.stream().map(answers::get).toList(),
                    in.stream().map(i -> bags[i]).toList());
            found.add(new Found(c, in, new CandidateTheme(ThemePhrases.label(words.listed()), in.size(),
                    (double) in.size() / n, words.listed(), words.seed(), quotes(in, answers, vectors, centres, c))));
        }
        found.sort(Comparator.<Found>comparingInt(f -> -f.members().size())
                .thenComparing(f -> f.theme().label()).thenComparingInt(f -> f.members().getFirst()));
        List<CandidateTheme> themes = new ArrayList<>();
        for (Found f : found) {
            int place = themes.size();
            f.members().forEach(i -> theme[i] = place);
            themes.add(f.theme());
        }
        return themes;
    }

    /** The answers nearest the theme's centre, one of each text; of equally near ones, the first in content order. */
    private static List<SliceAnswer> quotes(List<Integer> members, List<SliceAnswer> answers, SparseVector[] vectors,
                                            Centres centres, int centre) {
        double[] similarity = new double[answers.size()];
        members.forEach(i -> similarity[i] = centres.similarity(vectors[i], centre));
        List<Integer> nearest = new ArrayList<>(members);
        nearest.sort(Comparator.<Integer>comparingDouble(i -> -similarity[i]).thenComparingInt(i -> i));
        List<SliceAnswer> quotes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i : nearest) {
            String text = answers.get(i).text().strip().toLowerCase(Locale.ROOT);
            if (!seen.contains(text)) {
                seen.add(text);
                quotes.add(answers.get(i));
                if (quotes.size() == QUOTES) {
                    break;
                }
            }
        }
        return quotes;
    }
}
