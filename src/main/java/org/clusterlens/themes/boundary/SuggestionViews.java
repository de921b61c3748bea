package org.clusterlens.themes.boundary;

import org.clusterlens.themes.boundary.CodebookViews.CodeView;
import org.clusterlens.themes.boundary.SearchViews.HitView;
import org.clusterlens.themes.control.suggestions.SuggestedAnswers;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The wire shapes of suggestions. */
public final class SuggestionViews {
    private SuggestionViews() {
    }

    /**
     * {@code total}: the answers with at least one suggestion; {@code learntFrom}: the hand-coded
     * answers the model learnt from; {@code tooFewExamples}: themes it does not suggest.
     */
    public record SuggestionsPage(long total, int page, int size, double minConfidence, boolean complete,
                                  int learntFrom, List<UnlearntView> tooFewExamples, List<SuggestedView> answers) {
        static SuggestionsPage of(SuggestedAnswers.Suggested found, List<SuggestedAnswers.SuggestedAnswer> shown,
                                  Map<String, HitView> hits, int page, int size, double minConfidence, boolean complete) {
            List<SuggestedView> answers = shown.stream().map(a -> {
                HitView hit = hits.get(a.answerKey());
                return hit == null ? null : new SuggestedView(hit, a.suggestions().stream()
                        .map(s -> new SuggestionView(s.themeId(), name(found.themes().get(s.themeId())), s.confidence()))
                        .toList());
            }).filter(Objects::nonNull).toList();
            return new SuggestionsPage(found.answers().size(), page, size, minConfidence, complete, found.learntFrom(),
                    found.tooFewExamples().stream().map(u -> new UnlearntView(u.themeId(), u.name(), u.examples())).toList(),
                    answers);
        }

        private static String name(Theme theme) {
            return theme == null ? null : theme.name();
        }
    }

    /** {@code hit}: the answer as search shows it; {@code suggestions}: most confident first. */
    public record SuggestedView(HitView hit, List<SuggestionView> suggestions) {
    }

    /** {@code confidence}: from 0 to 1, the estimated share of answers scored like this one coded into the theme. */
    public record SuggestionView(long themeId, String theme, double confidence) {
    }

    /** {@code examples}: the answers coded into the theme by hand, fewer than needed (or none coded out of it). */
    public record UnlearntView(long themeId, String name, int examples) {
    }

    public record DecidedView(int accepted, int rejected, List<CodeView> codes) {
        static DecidedView of(List<HandCode> codes) {
            int accepted = (int) codes.stream().filter(HandCode::codedIn).count();
            return new DecidedView(accepted, codes.size() - accepted, codes.stream().map(CodeView::of).toList());
        }
    }
}
