package org.clusterlens.themes.control.suggestions;

import org.clusterlens.themes.control.LanguageAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestionLearnerTest {
    private static final long ENERGY = 1;
    private static final long CREDIT = 2;
    private static final long TRAINING = 3;
    private static final long ONCE = 4;

    private final SuggestionLearner learner = new SuggestionLearner(new LanguageAnalysis(List.of()));

    @Test
    void anEnglishAnswerGetsTheThemeWhoseWordsItShares() {
        SuggestionModel model = learner.train(english());
        List<Suggestion> suggestions = model.suggest(new AnswerText("Power cuts again, the electricity bill is huge", "en"), 3, 0);
        assertEquals(ENERGY, suggestions.getFirst().themeId(), suggestions::toString);
        assertEquals(CREDIT, model.suggest(new AnswerText("The banks refuse us a loan", "en"), 1, 0).getFirst().themeId());
    }

    @Test
    void aFrenchAnswerIsMatchedThroughItsStemsAndElisions() {
        List<CodedText> coded = List.of(
                new CodedText("Les coûts de l'électricité sont trop élevés", "fr", Set.of(ENERGY)),
                new CodedText("Coupures d'électricité tous les jours", "fr", Set.of(ENERGY)),
                new CodedText("Le coût de l'énergie nous ruine", "fr", Set.of(ENERGY)),
                new CodedText("Les banques refusent les crédits", "fr", Set.of(CREDIT)),
                new CodedText("Pas de crédit pour les petites entreprises", "fr", Set.of(CREDIT)),
                new CodedText("Les taux des banques sont trop élevés", "fr", Set.of(CREDIT)));
        SuggestionModel model = learner.train(coded);
        assertEquals(ENERGY, model.suggest(new AnswerText("le coût de l'électricité", "fr"), 1, 0).getFirst().themeId());
        assertEquals(CREDIT, model.suggest(new AnswerText("la banque et le crédit", "fr-SN"), 1, 0).getFirst().themeId());
    }

    @Test
    void arabicEmojiEmptyAndUnknownLanguagesGiveConfidencesBetweenZeroAndOne() {
        List<CodedText> coded = new ArrayList<>(english());
        coded.add(new CodedText("الكهرباء غالية جدا", "ar", Set.of(ENERGY)));
        coded.add(new CodedText("انقطاع الكهرباء كل يوم \u200F😡", "ar", Set.of(ENERGY)));
        coded.add(new CodedText("😀😀😀", "", Set.of(TRAINING)));
        coded.add(new CodedText("", "sw", Set.of(CREDIT)));
        SuggestionModel model = learner.train(coded);
        for (AnswerText answer : List.of(new AnswerText("الكهرباء", "ar"), new AnswerText("🙏🏽 ok", "en"),
                new AnswerText("", "en"), new AnswerText("   ", null), new AnswerText("umeme ni ghali", "sw"),
                new AnswerText("\u202Epower\u202C", "en"))) {
            List<Suggestion> suggestions = model.suggest(answer, 10, 0);
            assertEquals(model.themes().size(), suggestions.size());
            suggestions.forEach(s -> assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s::toString));
        }
    }

    @Test
    void theSameCodedAnswersInAnyOrderGiveExactlyTheSameSuggestions() {
        List<CodedText> coded = new SyntheticAnswers(5, 0.6, 7).draw(150);
        List<AnswerText> uncoded = new SyntheticAnswers(5, 0.6, 8).draw(40).stream().map(CodedText::answer).toList();
        List<List<Suggestion>> first = suggestAll(learner.train(coded), uncoded);
        for (int seed = 0; seed < 4; seed++) {
            List<CodedText> shuffled = new ArrayList<>(coded);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, suggestAll(learner.train(shuffled), uncoded), "order " + seed);
        }
    }

    @Test
    void aThemeCodedOnceIsNeverSuggestedEvenForItsOwnAnswer() {
        List<CodedText> coded = new ArrayList<>(english());
        coded.add(new CodedText("Nobody maintains the old looms", "en", Set.of(ONCE)));
        SuggestionModel model = learner.train(coded);
        assertFalse(model.themes().contains(ONCE));
        assertTrue(model.suggest(new AnswerText("Nobody maintains the old looms", "en"), 10, 0).stream()
                .noneMatch(s -> s.themeId() == ONCE));
        assertEquals(Set.of(ENERGY, CREDIT, TRAINING), model.themes());
    }

    @Test
    void separableThemesAreFoundFarMoreOftenThanByChance() {
        int themes = 6;
        SuggestionModel model = learner.train(new SyntheticAnswers(themes, 0.8, 1).draw(120));
        List<CodedText> unseen = new SyntheticAnswers(themes, 0.8, 2).draw(300);
        double right = unseen.stream().filter(c -> c.themes().contains(
                model.suggest(c.answer(), 1, 0).getFirst().themeId())).count();
        assertTrue(right / unseen.size() > 0.9, "top suggestion right for " + right / unseen.size() + " against chance " + 1.0 / themes);
    }

    @Test
    void moreConfidentSuggestionsAreMoreOftenRightAndConfidenceIsCloseToHowOften() {
        SuggestionModel model = learner.train(new SyntheticAnswers(4, 0.4, 3).draw(400));
        List<double[]> confidenceAndRight = new ArrayList<>();
        for (CodedText c : new SyntheticAnswers(4, 0.4, 4).draw(2000)) {
            for (Suggestion s : model.suggest(c.answer(), 4, 0)) {
                confidenceAndRight.add(new double[] {s.confidence(), c.themes().contains(s.themeId()) ? 1 : 0});
            }
        }
        confidenceAndRight.sort((x, y) -> Double.compare(x[0], y[0]));
        int third = confidenceAndRight.size() / 3;
        double[] low = meanConfidenceAndPrecision(confidenceAndRight.subList(0, third));
        double[] middle = meanConfidenceAndPrecision(confidenceAndRight.subList(third, 2 * third));
        double[] high = meanConfidenceAndPrecision(confidenceAndRight.subList(2 * third, confidenceAndRight.size()));
        assertTrue(low[1] < middle[1] && middle[1] < high[1],
                "precision by confidence third: " + low[1] + ", " + middle[1] + ", " + high[1]);
        for (double[] part : List.of(low, middle, high)) {
            assertEquals(part[1], part[0], 0.1, "mean confidence against the share right");
        }
    }

    @Test
    void withoutCodedAnswersOrWithoutAnswersAgainstAThemeNothingIsSuggested() {
        assertEquals(List.of(), learner.train(List.of()).suggest(new AnswerText("power", "en"), 5, 0));
        SuggestionModel onlyEnergy = learner.train(english().stream().filter(c -> c.themes().equals(Set.of(ENERGY))).toList());
        assertEquals(Set.of(), onlyEnergy.themes());
    }

    @Test
    void suggestionsStopAtTheMaximumAndTheMinimumConfidence() {
        SuggestionModel model = learner.train(english());
        AnswerText answer = new AnswerText("electricity and loans and training", "en");
        assertEquals(2, model.suggest(answer, 2, 0).size());
        assertTrue(model.suggest(answer, 10, 0.5).stream().allMatch(s -> s.confidence() >= 0.5));
        assertTrue(model.suggest(answer, 10, 1).stream().allMatch(s -> s.confidence() == 1));
        assertThrows(IllegalArgumentException.class, () -> model.suggest(answer, 1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> model.suggest(answer, -1, 0));
    }

    @Test
    void anAnswerCodedOnlyOutOfAThemeCountsAgainstThatThemeAlone() {
        CodedText out = new CodedText(new AnswerText("generator fuel", "en"), Set.of(), Set.of(CREDIT));
        assertEquals(-1, out.label(CREDIT));
        assertEquals(0, out.label(ENERGY));
        CodedText in = new CodedText("generator fuel", "en", Set.of(ENERGY));
        assertEquals(1, in.label(ENERGY));
        assertEquals(-1, in.label(CREDIT));
        assertThrows(IllegalArgumentException.class,
                () -> new CodedText(new AnswerText("x", "en"), Set.of(ENERGY), Set.of(ENERGY)));
    }

    @Test
    void answersCodedOutOfAThemeTeachItWhatItIsNot() {
        List<CodedText> coded = new ArrayList<>(english());
        SuggestionModel before = learner.train(coded);
        AnswerText fuel = new AnswerText("diesel for the generator", "en");
        for (int i = 0; i < 4; i++) {
            coded.add(new CodedText(new AnswerText("diesel for the generator " + i, "en"), Set.of(), Set.of(ENERGY)));
        }
        assertTrue(confidence(learner.train(coded), fuel, ENERGY) < confidence(before, fuel, ENERGY));
    }

    private static double confidence(SuggestionModel model, AnswerText answer, long theme) {
        return model.suggest(answer, 10, 0).stream().filter(s -> s.themeId() == theme).findFirst().orElseThrow().confidence();
    }

    private static double[] meanConfidenceAndPrecision(List<double[]> part) {
        return new double[] {part.stream().mapToDouble(p -> p[0]).average().orElseThrow(),
                part.stream().mapToDouble(p -> p[1]).average().orElseThrow()};
    }

    private static List<List<Suggestion>> suggestAll(SuggestionModel model, List<AnswerText> answers) {
        return answers.stream().map(a -> model.suggest(a, 3, 0)).toList();
    }

    private static List<CodedText> english() {
        return List.of(
                new CodedText("Electricity is too expensive", "en", Set.of(ENERGY)),
                new CodedText("Power cuts every day stop the machines", "en", Set.of(ENERGY)),
                new CodedText("The electricity bill doubled", "en", Set.of(ENERGY)),
                new CodedText("Generator fuel and power costs", "en", Set.of(ENERGY)),
                new CodedText("Banks will not give us a loan", "en", Set.of(CREDIT)),
                new CodedText("Loans are too expensive, interest is high", "en", Set.of(CREDIT)),
                new CodedText("No credit from the banks for small firms", "en", Set.of(CREDIT)),
                new CodedText("The bank asked for collateral we do not have", "en", Set.of(CREDIT)),
                new CodedText("Workers need training on the new machines", "en", Set.of(TRAINING)),
                new CodedText("No training centre for apprentices", "en", Set.of(TRAINING)),
                new CodedText("Skills and training of young workers", "en", Set.of(TRAINING)),
                new CodedText("Power cuts and no loan from the bank", "en", Set.of(ENERGY, CREDIT)));
    }
}
