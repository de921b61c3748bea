package org.clusterlens.themes.control.discovery;

import org.clusterlens.themes.control.LanguageAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeDiscoveryTest {
    private static final LanguageAnalysis ANALYSIS = new LanguageAnalysis(List.of());

    /** Answers about five concerns, each worded many ways, as firms of a cluster might write them. */
    private static final Map<String, List<String>> CONCERNS = Map.of(
            "power", List.of("power cuts stop the ovens", "the electricity goes off every day", "we need a generator",
                    "power outages ruin the dough", "electricity bills and power cuts"),
            "flour", List.of("flour prices doubled", "the price of flour keeps rising", "imported wheat flour is expensive",
                    "flour costs too much", "wheat prices went up again"),
            "credit", List.of("banks refuse us a loan", "no access to credit", "interest rates on loans are too high",
                    "the bank wants collateral", "microfinance loans are short"),
            "skills", List.of("skilled bakers are hard to find", "young workers lack training", "we train apprentices ourselves",
                    "no training centre for bakers", "skilled workers leave for the city"),
            "roads", List.of("the road to the market is bad", "transport costs eat the margin", "trucks break down on the road",
                    "deliveries are late because of the roads", "transport to the city is expensive"));

    private static List<SliceAnswer> concerns(int perConcern, long seed) {
        Random random = new Random(seed);
        List<SliceAnswer> answers = new ArrayList<>();
        List<String> names = CONCERNS.keySet().stream().sorted().toList();
        for (String concern : names) {
            List<String> ways = CONCERNS.get(concern);
            for (int i = 0; i < perConcern; i++) {
                String one = ways.get(random.nextInt(ways.size()));
                String two = ways.get(random.nextInt(ways.size()));
                String text = random.nextBoolean() ? one : capitalised(one) + ", and " + two + ".";
                answers.add(new SliceAnswer(text, "en", "main_problem", 1000 + answers.size(), "/main_problem",
                        answers.size(), "P-" + concern.toUpperCase() + answers.size()));
            }
        }
        return answers;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Discovery discover(List<SliceAnswer> answers) {
        return ThemeDiscovery.discover(answers, List.of(), Background.STUDY, ANALYSIS);
    }

    private static String concernOf(SliceAnswer answer) {
        return answer.pseudonym().replaceAll("^P-([A-Z]+)\\d+$", "$1").toLowerCase();
    }

    @Test
    void theSameAnswersInFiveShuffledOrdersGiveIdenticalThemes() {
        List<SliceAnswer> answers = concerns(60, 1);
        Discovery first = discover(answers);
        Map<SliceAnswer, Integer> themeOfAnswer = themeOfEach(answers, first);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<SliceAnswer> shuffled = new ArrayList<>(answers);
            Collections.shuffle(shuffled, new Random(100 + shuffle));
            Discovery again = discover(shuffled);
            assertEquals(first.themes(), again.themes(), "labels, sizes, phrases, statistics and quotes");
            assertEquals(themeOfAnswer, themeOfEach(shuffled, again), "every answer in the same theme");
        }
    }

    private static Map<SliceAnswer, Integer> themeOfEach(List<SliceAnswer> answers, Discovery discovery) {
        Map<SliceAnswer, Integer> themes = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            themes.put(answers.get(i), discovery.themeOf()[i]);
        }
        return themes;
    }

    @Test
    void aThemeHoldsOneConcernAndItsLabelNamesIt() {
        List<SliceAnswer> answers = concerns(60, 2);
        Discovery discovery = discover(answers);
        assertEquals(0, discovery.unassigned());
        List<Map<String, Integer>> concernsOfTheme = new ArrayList<>();
        discovery.themes().forEach(t -> concernsOfTheme.add(new HashMap<>()));
        for (int i = 0; i < answers.size(); i++) {
            concernsOfTheme.get(discovery.themeOf()[i]).merge(concernOf(answers.get(i)), 1, Integer::sum);
        }
        Map<String, String> words = Map.of("power", "power|electric|generator|outage|oven|dough", "flour", "flour|wheat|price",
                "credit", "loan|credit|bank|collateral|interest|microfinance", "skills", "skill|train|baker|worker|apprentice",
                "roads", "road|transport|truck|deliver|market|margin");
        for (int t = 0; t < concernsOfTheme.size(); t++) {
            Map.Entry<String, Integer> main = concernsOfTheme.get(t).entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow();
            CandidateTheme theme = discovery.themes().get(t);
            assertTrue(main.getValue() >= 0.8 * theme.size(), theme.label() + " mixes " + concernsOfTheme.get(t));
            assertTrue(theme.label().toLowerCase().matches(".*(" + words.get(main.getKey()) + ").*"),
                    main.getKey() + " has the label " + theme.label());
        }
    }

    @Test
    void onlyAnswersWithoutASharedWordAreUnassigned() {
        List<SliceAnswer> answers = new ArrayList<>(concerns(40, 3));
        List<String> wordless = List.of("—", "...", "N/A?", "the", "xyzzyq", "🙂🙂");
        wordless.forEach(t -> answers.add(SliceAnswer.of(t, "en")));
        Discovery discovery = discover(answers);
        assertEquals(wordless.size(), discovery.unassigned());
        for (int i = 0; i < answers.size(); i++) {
            boolean without = wordless.contains(answers.get(i).text());
            assertEquals(without, discovery.themeOf()[i] < 0, answers.get(i).text());
        }
        assertTrue(discovery.unassignedShare() <= 0.10, "share " + discovery.unassignedShare());
        assertEquals(answers.size() - wordless.size(), discovery.themes().stream().mapToInt(CandidateTheme::size).sum());
    }

    @Test
    void labelsAndPhrasesComeFromTheThemesOwnAnswersAsTheyWereTyped() {
        List<SliceAnswer> answers = concerns(50, 4);
        Discovery discovery = discover(answers);
        for (int t = 0; t < discovery.themes().size(); t++) {
            int theme = t;
            List<String> own = IntStream.range(0, answers.size()).filter(i -> discovery.themeOf()[i] == theme)
                    .mapToObj(i -> answers.get(i).text()).toList();
            CandidateTheme candidate = discovery.themes().get(t);
            assertEquals(own.size(), candidate.size());
            assertFalse(candidate.phrases().isEmpty(), candidate::toString);
            for (Phrase phrase : candidate.phrases()) {
                long holding = own.stream().filter(text -> text.contains(phrase.text())).count();
                assertTrue(holding > 0, phrase + " is not in any answer of " + candidate.label());
                assertTrue(phrase.inTheme() >= holding, phrase::toString);
                assertTrue(phrase.g2() > 0, phrase::toString);
            }
            assertTrue(candidate.label().startsWith(candidate.phrases().getFirst().text()));
            assertTrue(candidate.quotes().size() >= 2 && candidate.quotes().size() <= 3, candidate::toString);
            candidate.quotes().forEach(q -> assertTrue(own.contains(q.text()), q::toString));
        }
        assertTrue(IntStream.range(1, discovery.themes().size())
                .allMatch(t -> discovery.themes().get(t - 1).size() >= discovery.themes().get(t).size()), "largest first");
    }

    @Test
    void phrasesAreComparedWithTheBackgroundAsked() {
        List<SliceAnswer> slice = concerns(30, 5);
        List<SliceAnswer> outside = concerns(30, 6);
        Discovery rest = ThemeDiscovery.discover(slice, outside, Background.STUDY, ANALYSIS);
        Discovery complement = ThemeDiscovery.discover(slice, outside, Background.SLICE_COMPLEMENT, ANALYSIS);
        assertEquals(rest.themes().size(), complement.themes().size());
        assertEquals(150, complement.outside());
        Phrase top = complement.themes().getFirst().phrases().getFirst();
        int inOutside = (int) outside.stream().filter(a -> a.text().toLowerCase().contains(top.text().toLowerCase())).count();
        assertTrue(top.inBackground() >= inOutside && top.inBackground() <= 150, top + " vs " + inOutside);
        Phrase sameInRest = rest.themes().getFirst().phrases().stream().filter(p -> p.term().equals(top.term()))
                .findFirst().orElseThrow();
        assertTrue(sameInRest.inBackground() >= top.inBackground(), "the rest of the study holds the rest of the slice too");
    }

    @Test
    void arabicFrenchEmojiAndDirectionMarksDoNotBreakDiscovery() {
        List<SliceAnswer> answers = new ArrayList<>();
        String[] arabic = {"انقطاع الكهرباء يوقف الأفران", "الكهرباء غالية جدا", "أسعار الدقيق ارتفعت", "الدقيق المستورد غالي"};
        String[] french = {"Les coupures de courant arrêtent le moulin", "Le prix de la farine a doublé 😡",
                "La farine coûte cher", "Coupures de courant chaque jour ⚡"};
        for (int i = 0; i < 12; i++) {
            answers.add(new SliceAnswer("\u2067" + arabic[i % 4] + "\u2069 " + "🔥".repeat(i % 3), "ar", "q", i, "/q", i, "P-" + i));
            answers.add(new SliceAnswer(french[i % 4], "fr-SN", "q", 100 + i, "/q", i, "P-" + i));
            answers.add(new SliceAnswer("e\u0301lectricite\u0301 👩🏽‍🍳 𝒻𝓁𝑜𝓊𝓇", "wo", "q", 200 + i, "/q", i, "P-" + i));
        }
        answers.add(SliceAnswer.of("", "en"));
        answers.add(SliceAnswer.of("\uD83D", "en"));
        Discovery discovery = discover(answers);
        assertEquals(answers.size(), discovery.themeOf().length);
        assertTrue(discovery.unassigned() >= 2);
        assertTrue(discovery.themes().size() >= 2);
        for (CandidateTheme theme : discovery.themes()) {
            for (Phrase phrase : theme.phrases()) {
                assertTrue(answers.stream().anyMatch(a -> a.text().replaceAll("\\s+", " ").contains(phrase.text())), phrase::toString);
                assertFalse(phrase.text().contains("\u2067"), "direction marks are not words: " + phrase);
            }
        }
    }

    @Test
    void aLargeSliceIsClusteredOnASampleAndEveryAnswerStillLands() {
        List<SliceAnswer> answers = concerns(1_000, 7);
        Discovery discovery = discover(answers);
        assertEquals(5_000, discovery.themes().stream().mapToInt(CandidateTheme::size).sum());
        assertEquals(25, ThemeDiscovery.themesFor(5_000));
        assertArrayEquals(discovery.themeOf(), reversed(discover(answers.reversed()).themeOf()));
    }

    private static int[] reversed(int[] values) {
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[values.length - 1 - i];
        }
        return r;
    }

    @Test
    void theNumberOfThemesGrowsWithTheSliceWithinBounds() {
        assertEquals(2, ThemeDiscovery.themesFor(0));
        assertEquals(2, ThemeDiscovery.themesFor(11));
        assertEquals(36, ThemeDiscovery.themesFor(10_000));
        assertEquals(40, ThemeDiscovery.themesFor(100_000));
        assertEquals(1, discover(List.of(SliceAnswer.of("flour prices", "en"), SliceAnswer.of("Flour prices!", "en")))
                .themes().size(), "two answers alike are one theme, not two");
    }
}
