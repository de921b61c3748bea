package org.clusterlens.themes.control.suggestions;

import org.clusterlens.themes.control.LanguageAnalysis;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class TrainedModelsTest {
    private final SuggestionLearner learner = new SuggestionLearner(new LanguageAnalysis(List.of()));
    private final TrainedModels models = new TrainedModels();

    private static Map<String, CodedText> coded() {
        Map<String, CodedText> coded = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            coded.put(i + ".a", new CodedText("power cuts stop the ovens " + i, "en", Set.of(1L)));
            coded.put(i + ".b", new CodedText("flour prices doubled again " + i, "en", Set.of(2L)));
        }
        return coded;
    }

    @Test
    void theSameCodedAnswersReuseTheModel() {
        SuggestionModel first = models.of(7, true, coded(), List.of(), learner);
        assertSame(first, models.of(7, true, new HashMap<>(coded()), List.of(), learner));
    }

    @Test
    void anotherCodeAnotherTextOrOtherStopWordsTrainAgain() {
        SuggestionModel first = models.of(7, true, coded(), List.of(), learner);
        Map<String, CodedText> recoded = coded();
        recoded.put("0.a", new CodedText(new CodedText("power cuts stop the ovens 0", "en", Set.of()).answer(),
                Set.of(2L), Set.of(1L)));
        SuggestionModel second = models.of(7, true, recoded, List.of(), learner);
        assertNotSame(first, second);
        Map<String, CodedText> retyped = coded();
        retyped.put("5.b", new CodedText("flour is late", "en", Set.of(2L)));
        assertNotSame(second, models.of(7, true, retyped, List.of(), learner));
        SuggestionModel plain = models.of(7, true, coded(), List.of(), learner);
        assertNotSame(plain, models.of(7, true, coded(), List.of("oven"), learner));
    }

    @Test
    void studiesAndViewersWhoSeeIdentitiesKeepTheirOwnModels() {
        SuggestionModel identified = models.of(7, true, coded(), List.of(), learner);
        SuggestionModel pseudonymised = models.of(7, false, coded(), List.of(), learner);
        assertNotSame(identified, pseudonymised);
        assertSame(identified, models.of(7, true, coded(), List.of(), learner));
        assertNotSame(identified, models.of(8, true, coded(), List.of(), learner));
    }
}
