package org.clusterlens.themes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.responses.control.Respondents;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Pseudonyms;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.themes.entity.StudyStopWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The index's view of the database: responses with their free-text answers, and stop words. */
@ApplicationScoped
@Transactional
public class ThemeSources implements AnswerSource {
    private static final Logger LOG = Logger.getLogger(ThemeSources.class.getName());
    /** Published versions never change; each is parsed once (see Respondents#validator). */
    private static final ConcurrentMap<Long, FreeTextAnswers> PUBLISHED = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Override
    public List<IndexedResponse> current(Collection<Long> responseIds) {
        Map<Long, Response> found = batched(em.createQuery("SELECT r FROM Response r WHERE r.id IN :ids", Response.class))
                .setParameter("ids", List.copyOf(responseIds)).getResultStream()
                .collect(Collectors.toMap(Response::id, Function.identity()));
        List<IndexedResponse> responses = new ArrayList<>();
        Map<Long, Pseudonyms> pseudonyms = new HashMap<>();
        for (Long id : responseIds) {
            Response response = found.get(id);
            responses.add(response == null || !response.isSubmitted() ? IndexedResponse.withdrawn(id)
                    : indexed(response, pseudonyms));
        }
        return responses;
    }

    @Override
    public List<IndexedResponse> submittedAfter(long afterId, int limit) {
        Map<Long, Pseudonyms> pseudonyms = new HashMap<>();
        return batched(em.createQuery("SELECT r FROM Response r WHERE r.status = :status AND r.id > :after ORDER BY r.id",
                        Response.class))
                .setParameter("status", Response.Status.SUBMITTED).setParameter("after", afterId)
                .setMaxResults(limit).getResultStream().map(r -> indexed(r, pseudonyms)).toList();
    }

    @Override
    public long submittedCount() {
        return em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.status = :status", Long.class)
                .setParameter("status", Response.Status.SUBMITTED).getSingleResult();
    }

    @Override
    public Map<Long, List<String>> stopWords(Collection<Long> studyIds) {
        return em.createQuery("SELECT w FROM StudyStopWords w WHERE w.studyId IN :ids", StudyStopWords.class)
                .setParameter("ids", List.copyOf(studyIds)).getResultStream()
                .collect(Collectors.toMap(StudyStopWords::studyId, StudyStopWords::words));
    }

    /**
     * A page of responses brings its invitations, actors and versions in one query each, not one
     * query per response: a rebuild reads every response of the database.
     */
    private static TypedQuery<Response> batched(TypedQuery<Response> query) {
        // EclipseLink's hints, named as strings: the build does not compile against EclipseLink
        return query.setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "r.invitation")
                .setHint("eclipselink.batch", "r.invitation.actor")
                .setHint("eclipselink.batch", "r.templateVersion");
    }

    /**
     * A response whose answers cannot be read against its questionnaire is left out and logged: one
     * bad response must not hold every later one back at the same outbox position.
     */
    private static IndexedResponse indexed(Response r, Map<Long, Pseudonyms> pseudonyms) {
        try {
            return read(r, pseudonyms);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Response " + r.id() + " cannot be indexed; it is left out of search", e);
            return IndexedResponse.withdrawn(r.id());
        }
    }

    private static IndexedResponse read(Response r, Map<Long, Pseudonyms> pseudonyms) {
        Actor actor = r.invitation().actor();
        String pseudonym = pseudonyms.computeIfAbsent(r.studyId(), id -> new Pseudonyms(actor.study().pseudonymKey()))
                .of(actor.id());
        TemplateVersion version = r.templateVersion();
        return new IndexedResponse(r.id(), true, r.studyId(), r.waveId(), version.templateId(),
                version.versionNumber(), r.language(), actor.type().name(), actor.sector(), actor.sizeBand(),
                actor.id(), pseudonym, answersOf(version).of(Respondents.answersOf(r)));
    }

    private static FreeTextAnswers answersOf(TemplateVersion version) {
        if (!version.isPublished() || version.id() == null) {
            return new FreeTextAnswers(TemplateModel.from(Templates.document(version)));
        }
        return PUBLISHED.computeIfAbsent(version.id(),
                id -> new FreeTextAnswers(TemplateModel.from(Templates.document(version))));
    }
}
