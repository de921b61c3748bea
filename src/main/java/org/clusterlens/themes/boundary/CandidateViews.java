package org.clusterlens.themes.boundary;

import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.themes.control.discovery.Background;
import org.clusterlens.themes.control.discovery.CandidateTheme;
import org.clusterlens.themes.control.discovery.CandidateThemes;
import org.clusterlens.themes.control.discovery.Discovery;
import org.clusterlens.themes.control.discovery.IndexedSlice;
import org.clusterlens.themes.control.discovery.LogLikelihood;
import org.clusterlens.themes.control.discovery.Phrase;
import org.clusterlens.themes.control.discovery.SeedQuery;
import org.clusterlens.themes.control.discovery.SliceAnswer;

import java.util.List;
import java.util.Map;

/** The wire shapes of candidate themes. */
public final class CandidateViews {
    private CandidateViews() {
    }

    /** {@code complete} is false while this instance builds its first index. */
    public record CandidatesView(SliceView slice, String background, int answers, int unassigned,
                                 double unassignedShare, String statistic, boolean complete, List<ThemeView> themes) {
        static CandidatesView of(IndexedSlice.Slice slice, Background background, CandidateThemes.Found found,
                                 Viewer viewer, Map<Long, String> waves) {
            Discovery d = found.discovery();
            return new CandidatesView(new SliceView(slice.question(), slice.actorType(), slice.waveId(),
                    slice.waveId() == null ? null : waves.get(slice.waveId())), background.wireName(), d.answers(),
                    d.unassigned(), round(d.unassignedShare(), 4), LogLikelihood.NAME, found.complete(),
                    d.themes().stream().map(t -> ThemeView.of(t, viewer, found.actors())).toList());
        }
    }

    /** The filters of the slice; null where it does not filter. */
    public record SliceView(String question, String actorType, Long wave, String waveName) {
    }

    /** {@code query}: the saved query the theme starts with if it is accepted into the codebook. */
    public record ThemeView(String label, int size, double share, String query, List<PhraseView> phrases,
                            List<QuoteView> quotes) {
        static ThemeView of(CandidateTheme t, Viewer viewer, Map<Long, Actor> actors) {
            return new ThemeView(t.label(), t.size(), round(t.share(), 4), SeedQuery.of(t.seedPhrases()),
                    t.phrases().stream().map(PhraseView::of).toList(),
                    t.quotes().stream().map(q -> QuoteView.of(q, viewer, actors.get(q.actorId()))).toList());
        }
    }

    /** {@code inTheme}, {@code inBackground}: answers holding the phrase; {@code g2}: Dunning's G². */
    public record PhraseView(String text, int inTheme, int inBackground, double g2) {
        static PhraseView of(Phrase p) {
            return new PhraseView(p.text(), p.inTheme(), p.inBackground(), round(p.g2(), 2));
        }
    }

    /** An answer exactly as typed; who gave it only for viewers who see identities, as in a search hit. */
    public record QuoteView(String answer, String question, String pointer, String language, long responseId,
                            String pseudonym, Long actorId, String actorExternalId, String actorName) {
        static QuoteView of(SliceAnswer q, Viewer viewer, Actor actor) {
            boolean named = viewer.identified() && actor != null;
            return new QuoteView(q.text(), q.question(), q.pointer(), q.language(), q.responseId(), q.pseudonym(),
                    named ? actor.id() : null, named ? actor.externalId() : null, named ? actor.name() : null);
        }
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
