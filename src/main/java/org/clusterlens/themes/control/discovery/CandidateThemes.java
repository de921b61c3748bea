package org.clusterlens.themes.control.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.lucene.index.CorruptIndexException;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.themes.control.AnswerIndex;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.control.StopWords;
import org.clusterlens.themes.control.ThemeIndexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A study member's candidate themes for a slice of the study's answers, from this instance's index. */
@ApplicationScoped
@Transactional
public class CandidateThemes {
    @Inject
    ThemeIndexer indexer;

    @Inject
    StopWords stopWords;

    @PersistenceContext
    EntityManager em;

    /**
     * {@code actors}: the actors of the quotes by id, for viewers who see identities; {@code complete}
     * is false while this instance builds its first index.
     */
    public record Found(Discovery discovery, Map<Long, Actor> actors, boolean complete) {
    }

    public Found discover(Viewer viewer, IndexedSlice.Slice slice, Background background) {
        AnswerIndex index = indexer.index();
        LanguageAnalysis analysis = index.analysis(stopWords.of(viewer.studyId()).words());
        IndexedSlice.Parted parted;
        try {
            parted = index.search(searcher -> IndexedSlice.read(searcher, viewer.studyId(), slice, viewer.identified()));
        } catch (CorruptIndexException e) {
            index.damaged(e);
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "The search index is damaged and is being rebuilt from the database; try again in a few minutes."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (background == Background.SLICE_COMPLEMENT && parted.outside().isEmpty() && !parted.slice().isEmpty()) {
            throw ProblemException.invalidField("background", "The slice holds every answer of the study: there is "
                    + "nothing outside it to compare with. Narrow the slice, or compare with the study.");
        }
        Discovery discovery = ThemeDiscovery.discover(parted.slice(), parted.outside(), background, analysis);
        Map<Long, Actor> actors = viewer.identified() ? actors(viewer.studyId(), discovery) : Map.of();
        return new Found(discovery, actors, index.complete());
    }

    private Map<Long, Actor> actors(long studyId, Discovery discovery) {
        Set<Long> ids = discovery.themes().stream().flatMap(t -> t.quotes().stream()).map(SliceAnswer::actorId)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Actor> found = em.createQuery("SELECT a FROM Actor a WHERE a.study.id = :study AND a.id IN :ids",
                Actor.class).setParameter("study", studyId).setParameter("ids", List.copyOf(ids)).getResultList();
        return found.stream().collect(Collectors.toMap(Actor::id, Function.identity()));
    }
}
