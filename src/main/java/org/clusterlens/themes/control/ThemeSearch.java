package org.clusterlens.themes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.search.Query;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A study member's search of the study's answers, against this instance's index. */
@ApplicationScoped
@Transactional
public class ThemeSearch {
    @Inject
    ThemeIndexer indexer;

    @Inject
    StopWords stopWords;

    @PersistenceContext
    EntityManager em;

    /** {@code actors}: the actors of the hits by id, for viewers who see identities; empty for the others. */
    public record Found(AnswerSearch.Result result, Map<Long, Actor> actors, boolean complete) {
    }

    public Found search(Viewer viewer, AnswerSearch.Request request) {
        AnswerIndex index = indexer.index();
        LanguageAnalysis analysis = index.analysis(stopWords.of(viewer.studyId()).words());
        Query text;
        try {
            text = AnswerQuery.parse(request.query(), analysis);
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest(e.getMessage(), List.of(new FieldError("q", e.getMessage(), e.position())));
        }
        AnswerSearch.Result result;
        try {
            result = index.search(searcher ->
                    AnswerSearch.run(searcher, index.facets(searcher.getIndexReader()), request, text, analysis));
        } catch (CorruptIndexException e) {
            index.damaged(e);
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "The search index is damaged and is being rebuilt from the database; try again in a few minutes."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Long, Actor> actors = viewer.identified() ? actors(viewer.studyId(), result) : Map.of();
        return new Found(result, actors, index.complete());
    }

    private Map<Long, Actor> actors(long studyId, AnswerSearch.Result result) {
        Set<Long> ids = result.hits().stream().map(AnswerSearch.Hit::actorId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Actor> found = em.createQuery("SELECT a FROM Actor a WHERE a.study.id = :study AND a.id IN :ids",
                Actor.class).setParameter("study", studyId).setParameter("ids", List.copyOf(ids)).getResultList();
        return found.stream().collect(Collectors.toMap(Actor::id, Function.identity()));
    }
}
