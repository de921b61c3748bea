package org.clusterlens.themes.boundary;

import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.themes.control.AnswerKey;
import org.clusterlens.themes.control.AnswerSearch;
import org.clusterlens.themes.control.Snippet;
import org.clusterlens.themes.control.ThemeSearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shapes of a search. */
public final class SearchViews {
    private SearchViews() {
    }

    /**
     * {@code complete} is false while this instance builds its first index, whose hits are then
     * not all there yet.
     */
    public record SearchPage(String q, long total, int page, int size, boolean complete, List<HitView> hits,
                             Map<String, List<CountView>> facets) {
        static SearchPage of(String q, int page, int size, ThemeSearch.Found found, Viewer viewer,
                             Map<Long, String> waves) {
            List<HitView> hits = found.result().hits().stream()
                    .map(h -> HitView.of(h, viewer, found.actors().get(h.actorId()), waves)).toList();
            Map<String, List<CountView>> facets = new LinkedHashMap<>();
            found.result().facets().forEach((dimension, counts) -> facets.put(dimension, counts.stream()
                    .map(c -> new CountView(c.value(), dimension.equals("wave") ? waves.get(Long.parseLong(c.value())) : null,
                            c.count())).toList()));
            return new SearchPage(q, found.result().total(), page, size, found.complete(), hits, facets);
        }

        /** The same page, each hit saying which of the codebook's themes it is in ({@code names}: id to name, in codebook order). */
        SearchPage withThemes(Map<String, List<Long>> byKey, Map<Long, String> names) {
            List<HitView> coded = hits.stream().map(h -> h.withThemes(byKey.getOrDefault(h.answerKey(), List.of()).stream()
                    .filter(names::containsKey).map(id -> new HitTheme(id, names.get(id))).toList())).toList();
            return new SearchPage(q, total, page, size, complete, coded, facets);
        }
    }

    /** A codebook theme an answer is in. */
    public record HitTheme(long id, String name) {
    }

    /** {@code label}: the wave's name, for wave counts. */
    public record CountView(String value, String label, int count) {
    }

    /**
     * One answer that matched. {@code answer} is the whole answer exactly as typed; who gave it
     * ({@code actorId}, {@code actorExternalId}, {@code actorName}) only for viewers who see identities.
     * {@code answerKey} names the answer for hand coding ({@link AnswerKey}); {@code themes}: the
     * codebook themes it is in now, by query or by hand.
     */
    public record HitView(long responseId, String answerKey, long waveId, String waveName, String templateId, int templateVersion,
                          String question, String pointer, String repeat, String kind, String language,
                          String actorType, String sector, String sizeBand, String pseudonym, Long actorId,
                          String actorExternalId, String actorName, String answer, SnippetView snippet,
                          List<HitTheme> themes) {
        static HitView of(AnswerSearch.Hit h, Viewer viewer, Actor actor, Map<Long, String> waves) {
            boolean named = viewer.identified() && actor != null;
            return new HitView(h.responseId(), new AnswerKey(h.responseId(), h.pointer()).toString(), h.waveId(), waves.get(h.waveId()), h.templateId(), h.templateVersion(),
                    h.question(), h.pointer(), h.repeat(), h.kind(), h.language(), h.actorType(), h.sector(),
                    h.sizeBand(), h.pseudonym(), named ? actor.id() : null, named ? actor.externalId() : null,
                    named ? actor.name() : null, h.answer(), SnippetView.of(h.snippet()), List.of());
        }

        HitView withThemes(List<HitTheme> in) {
            return new HitView(responseId, answerKey, waveId, waveName, templateId, templateVersion, question, pointer, repeat,
                    kind, language, actorType, sector, sizeBand, pseudonym, actorId, actorExternalId, actorName, answer,
                    snippet, in);
        }
    }

    /** {@code highlights}: ranges of {@code text}, in UTF-16 code units; {@code html}: see {@link Snippet#html()}. */
    public record SnippetView(String text, List<Snippet.Highlight> highlights, String html) {
        static SnippetView of(Snippet s) {
            return new SnippetView(s.text(), s.highlights(), s.html());
        }
    }
}
