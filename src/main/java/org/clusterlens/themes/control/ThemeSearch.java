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
        return search(viewer, request, parsed(viewer.studyId(), request.query(), "q"));
    }

    /** The study's analysis, with its own stop words: queries must be parsed as its answers were indexed. */
    public LanguageAnalysis analysis(long studyId) {
        return indexer.index().analysis(stopWords.of(studyId).words());
    }

    /** A query in the search box's syntax; one that does not parse is a 400 naming {@code field}. */
    public Query parsed(long studyId, String query, String field) {
        try {
            return AnswerQuery.parse(query, analysis(studyId));
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest(e.getMessage(), List.of(new FieldError(field, e.getMessage(), e.position())));
        }
    }

    /** Runs {@code text}, already parsed, with the request's filters; it also decides what is highlighted. */
    public Found search(Viewer viewer, AnswerSearch.Request request, Query text) {
        LanguageAnalysis analysis = analysis(viewer.studyId());
        AnswerSearch.Result result = read(index -> index.search(searcher ->
                AnswerSearch.run(searcher, index.facets(searcher.getIndexReader()), request, text, analysis)));
        Map<Long, Actor> actors = viewer.identified() ? actors(viewer.studyId(), result) : Map.of();
        return new Found(result, actors, complete());
    }

    /** Something read from the index, whose damage is a 503 while it is rebuilt. */
    @FunctionalInterface
    public interface IndexRead<T> {
        T from(AnswerIndex index) throws IOException;
    }

    public <T> T read(IndexRead<T> read) {
        AnswerIndex index = indexer.index();
        try {
            return read.from(index);
        } catch (CorruptIndexException e) {
            index.damaged(e);
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "The search index is damaged and is being rebuilt from the database; try again in a few minutes."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean complete() {
        return indexer.index().complete();
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
