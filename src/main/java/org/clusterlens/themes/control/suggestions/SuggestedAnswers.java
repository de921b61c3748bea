package org.clusterlens.themes.control.suggestions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.themes.control.StopWords;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.control.codebook.Codebook;
import org.clusterlens.themes.control.codebook.CodedAnswers;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Themes proposed for the answers of a study that nobody coded into them, learnt from its hand
 * codes (docs/themes.md, "Suggestions"): an answer coded into a theme by hand is an example of
 * it, one coded out an example against it. An answer is proposed a theme it is not in yet, by the
 * theme's query or by hand, and was not coded out of; so a suggestion accepted or rejected (a hand
 * code either way) is not proposed again.
 */
@ApplicationScoped
public class SuggestedAnswers {
    @Inject
    Codebook codebook;

    @Inject
    CodedAnswers coded;

    @Inject
    ThemeSearch search;

    @Inject
    StopWords stopWords;

    @Inject
    TrainedModels models;

    /** An answer and the themes proposed for it, most confident first. */
    public record SuggestedAnswer(String answerKey, List<Suggestion> suggestions) {
        double confidence() {
            return suggestions.getFirst().confidence();
        }
    }

    /** A theme that the model does not suggest, with how many answers were coded into it by hand. */
    public record Unlearnt(long themeId, String name, int examples) {
    }

    /**
     * @param answers every answer with at least one suggestion, most confident first
     * @param learntFrom how many hand-coded answers the model learnt from
     */
    public record Suggested(List<SuggestedAnswer> answers, int learntFrom, List<Unlearnt> tooFewExamples,
                            Map<Long, Theme> themes) {
    }

    /** @param themeId only this theme's suggestions, or null for every theme's */
    public Suggested of(Viewer viewer, Long themeId, double minConfidence) {
        long studyId = viewer.studyId();
        List<Theme> themes = codebook.themes(studyId);
        Map<Long, Theme> byId = new TreeMap<>();
        themes.forEach(t -> byId.put(t.id(), t));
        List<HandCode> codes = codebook.codes(themes.stream().map(Theme::id).toList());
        Map<String, AnswerText> answers = StudyAnswerTexts.read(search, studyId, viewer.identified());

        Map<String, Set<Long>> in = new HashMap<>();
        Map<String, Set<Long>> out = new HashMap<>();
        for (HandCode code : codes) {
            (code.codedIn() ? in : out).computeIfAbsent(code.answerKey(), k -> new HashSet<>()).add(code.themeId());
        }
        Map<String, CodedText> training = new HashMap<>();
        Set<String> handCoded = new HashSet<>(in.keySet());
        handCoded.addAll(out.keySet());
        for (String key : handCoded) {
            AnswerText text = answers.get(key);
            if (text != null) {
                training.put(key, new CodedText(text, in.getOrDefault(key, Set.of()), out.getOrDefault(key, Set.of())));
            }
        }
        List<String> words = stopWords.of(studyId).words();
        SuggestionModel model = models.of(studyId, viewer.identified(), training, words,
                new SuggestionLearner(search.analysis(studyId)));

        Map<Long, Set<String>> byQuery = new HashMap<>();
        for (Theme theme : themes) {
            if (model.themes().contains(theme.id()) && (themeId == null || themeId == theme.id())) {
                byQuery.put(theme.id(), coded.matching(studyId, theme.query(), answers.keySet()));
            }
        }
        List<SuggestedAnswer> suggested = new ArrayList<>();
        answers.forEach((key, text) -> {
            List<Suggestion> proposed = model.suggest(text, byId.size(), minConfidence).stream()
                    .filter(s -> themeId == null || s.themeId() == themeId)
                    .filter(s -> byId.containsKey(s.themeId()))
                    .filter(s -> !in.getOrDefault(key, Set.of()).contains(s.themeId()))
                    .filter(s -> !out.getOrDefault(key, Set.of()).contains(s.themeId()))
                    .filter(s -> !byQuery.getOrDefault(s.themeId(), Set.of()).contains(key))
                    .toList();
            if (!proposed.isEmpty()) {
                suggested.add(new SuggestedAnswer(key, proposed));
            }
        });
        suggested.sort(Comparator.comparingDouble(SuggestedAnswer::confidence).reversed()
                .thenComparing(SuggestedAnswer::answerKey));

        Map<Long, Integer> examples = new HashMap<>();
        training.values().forEach(c -> c.themes().forEach(t -> examples.merge(t, 1, Integer::sum)));
        List<Unlearnt> unlearnt = themes.stream().filter(t -> !model.themes().contains(t.id()))
                .filter(t -> themeId == null || themeId == t.id())
                .map(t -> new Unlearnt(t.id(), t.name(), examples.getOrDefault(t.id(), 0))).toList();
        return new Suggested(List.copyOf(suggested), model.codedAnswers(), unlearnt, byId);
    }
}
