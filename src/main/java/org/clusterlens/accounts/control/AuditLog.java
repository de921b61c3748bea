package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.entity.AuditEntry;

import java.util.List;

/** Records who did what; written in the same transaction as the change it describes. */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditEntry.Action action, String subjectType, String subjectId, String detail) {
        em.persist(new AuditEntry(actor, action, subjectType, subjectId, detail));
    }

    /** For what happens outside any change, such as a sign-in: its own transaction, committed at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String actor, AuditEntry.Action action, String subjectType, String subjectId, String detail) {
        record(actor, action, subjectType, subjectId, detail);
    }

    public List<AuditEntry> recent(String subjectType, String subjectId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE 1 = 1");
        if (subjectType != null) {
            jpql.append(" AND a.subjectType = :type");
        }
        if (subjectId != null) {
            jpql.append(" AND a.subjectId = :id");
        }
        jpql.append(" ORDER BY a.id DESC");
        var query = em.createQuery(jpql.toString(), AuditEntry.class).setMaxResults(limit);
        if (subjectType != null) {
            query.setParameter("type", subjectType);
        }
        if (subjectId != null) {
            query.setParameter("id", subjectId);
        }
        return query.getResultList();
    }
}
