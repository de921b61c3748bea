package floorjpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One JTA transaction per submission, through JPA: the rows {@code JdbcSubmission} writes. */
@ApplicationScoped
public class FloorStore {
    private static final long STUDY = Long.getLong("floor.jdbc.study", 0);
    private static final long WAVE = Long.getLong("floor.jdbc.wave", 0);
    private static final long TEMPLATE_VERSION = Long.getLong("floor.jdbc.templateVersion", 0);

    @PersistenceContext(unitName = "floor")
    EntityManager em;

    /** @return null when no invitation has this token hash */
    @Transactional
    public FloorResponse submit(String tokenHash, String submissionId, String language, String answers) {
        return write(em, tokenHash, submissionId, language, answers);
    }

    static FloorResponse write(EntityManager em, String tokenHash, String submissionId, String language, String answers) {
        FloorInvitation invitation = em.createNamedQuery(FloorInvitation.BY_TOKEN_FOR_UPDATE, FloorInvitation.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst().orElse(null);
        if (invitation == null) {
            return null;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FloorResponse response = new FloorResponse(invitation, STUDY, WAVE, TEMPLATE_VERSION, language, answers,
                submissionId, now);
        em.persist(response);
        em.persist(new FloorOutbox(response, now));
        invitation.submitted(now);
        return response;
    }
}
