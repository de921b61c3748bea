package org.clusterlens.responses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.responses.entity.OutboxEntry;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Studies;

import java.util.List;
import java.util.Optional;

/** Responses as the study team sees them: read, and reopened when a respondent must correct something. */
@ApplicationScoped
@Transactional
public class Responses {
    static final String SUBJECT = "response";

    @PersistenceContext
    EntityManager em;

    @Inject
    Studies studies;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    public List<Response> submitted(long studyId, long waveId) {
        studies.wave(studyId, waveId);
        return em.createNamedQuery(Response.SUBMITTED_IN_WAVE, Response.class).setParameter("wave", waveId)
                .setParameter("status", Response.Status.SUBMITTED).getResultList();
    }

    public Response find(long id) {
        return Optional.ofNullable(em.find(Response.class, id))
                .orElseThrow(() -> ProblemException.notFound("There is no response " + id + "."));
    }

    /** The respondent may change the answers and submit again, with a new submission id. */
    public Response reopen(long id, String agent) {
        Response response = Optional.ofNullable(em.find(Response.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("There is no response " + id + "."));
        if (!response.isSubmitted()) {
            throw ProblemException.conflict("Response " + id + " is not submitted; the respondent can edit it already.");
        }
        String previous = response.submissionId();
        response.reopen();
        response.invitation().reopened();
        outbox.write(response.id(), OutboxEntry.Kind.REOPENED);
        audit.record(agent, Action.REOPENED, SUBJECT, String.valueOf(id), "submission " + previous + " reopened");
        return response;
    }
}
