package org.clusterlens.studies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.Study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** The firms, institutions and other actors a study asks. */
@ApplicationScoped
@Transactional
public class ActorRegister {
    /** Well under PostgreSQL's 32,767 parameters a statement, however many ids an answer names. */
    private static final int IDS_PER_STATEMENT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Studies studies;

    @Inject
    AuditLog audit;

    public record Imported(int created, int updated) {
    }

    /** One actor, its fields keyed by the register's column names. */
    public Actor add(long studyId, Map<String, String> fields, String actor) {
        Study study = studies.find(studyId);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        fields.forEach((column, value) -> values.put(column, Studies.blankToNull(value)));
        Actor.Details details = ActorRows.details(values, (column, reason) ->
                errors.add(new FieldError("/" + camel(column), reason)));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The actor has " + errors.size() + " problem(s).", errors);
        }
        if (details.externalId() != null && byExternalId(studyId).containsKey(details.externalId())) {
            throw ProblemException.conflict("Study " + studyId + " has an actor with the external id "
                    + details.externalId() + " already.");
        }
        Actor created = new Actor(study, details);
        em.persist(created);
        em.flush();
        audit.record(actor, Action.CREATED, Studies.SUBJECT, study.id().toString(), "actor " + created.id());
        return created;
    }

    /**
     * Corrects an actor's fields. The team has now looked at the actor, so one that registered
     * itself through the open link counts as checked from here on.
     */
    public Actor update(long studyId, long actorId, Map<String, String> fields, String actor) {
        Actor existing = find(studyId, actorId).orElseThrow(() ->
                ProblemException.notFound("Study " + studyId + " has no actor " + actorId + "."));
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        fields.forEach((column, value) -> values.put(column, Studies.blankToNull(value)));
        Actor.Details details = ActorRows.details(values, (column, reason) ->
                errors.add(new FieldError("/" + camel(column), reason)));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The actor has " + errors.size() + " problem(s).", errors);
        }
        Actor holder = details.externalId() == null ? null : byExternalId(studyId).get(details.externalId());
        if (holder != null && !holder.id().equals(actorId)) {
            throw ProblemException.conflict("Study " + studyId + " has another actor with the external id "
                    + details.externalId() + " already.");
        }
        existing.update(details);
        existing.confirm();
        audit.record(actor, Action.CHANGED, Studies.SUBJECT, String.valueOf(studyId), "actor " + actorId);
        return existing;
    }

    /** Imports a register file: all of it when it is clean, nothing otherwise. */
    public Imported importFile(long studyId, byte[] file, String actor) {
        Study study = studies.find(studyId);
        ActorRows.Result result = ActorRows.read(file);
        if (!result.clean()) {
            throw ProblemException.badRequest("The file has " + result.errors().size()
                    + " problem(s); nothing was imported. Fix them and import the whole file again.", result.errors());
        }
        Map<String, Actor> existing = byExternalId(studyId);
        int created = 0;
        int updated = 0;
        for (Actor.Details row : result.rows()) {
            Actor known = row.externalId() == null ? null : existing.get(row.externalId());
            if (known != null) {
                known.update(row);
                updated++;
            } else {
                em.persist(new Actor(study, row));
                created++;
            }
        }
        audit.record(actor, Action.CHANGED, Studies.SUBJECT, study.id().toString(),
                "actor register imported: " + created + " created, " + updated + " updated");
        return new Imported(created, updated);
    }

    public List<Actor> search(long studyId, String query) {
        studies.find(studyId);
        if (query == null || query.isBlank()) {
            return all(studyId);
        }
        String pattern = "%" + query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createNamedQuery(Actor.SEARCH, Actor.class).setParameter("study", studyId)
                .setParameter("q", pattern).getResultList();
    }

    public List<Actor> all(long studyId) {
        return em.createNamedQuery(Actor.OF_STUDY, Actor.class).setParameter("study", studyId).getResultList();
    }

    public Optional<Actor> find(long studyId, long actorId) {
        Actor actor = em.find(Actor.class, actorId);
        return actor != null && actor.study().id().equals(studyId) ? Optional.of(actor) : Optional.empty();
    }

    /**
     * Which of {@code actorIds} are in the study's register: by primary key, one statement for up to
     * {@value #IDS_PER_STATEMENT} ids, and only ids come back, so checking the firms an answer names
     * builds no entities. The study is compared here rather than in the query, where it once led
     * PostgreSQL's cached plan to walk the register.
     */
    public Set<Long> inStudy(long studyId, Collection<Long> actorIds) {
        List<Long> ids = List.copyOf(actorIds);
        Set<Long> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
            StringJoiner in = new StringJoiner(", ", "SELECT id, study_id FROM actor WHERE id IN (", ")");
            for (int i = 1; i <= chunk.size(); i++) {
                in.add("?" + i);
            }
            // nothing of this transaction needs writing first: without COMMIT, a native query flushes
            var query = em.createNativeQuery(in.toString()).setFlushMode(FlushModeType.COMMIT);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                if (((Number) columns[1]).longValue() == studyId) {
                    found.add(((Number) columns[0]).longValue());
                }
            }
        }
        return found;
    }

    private Map<String, Actor> byExternalId(long studyId) {
        Map<String, Actor> map = new HashMap<>();
        for (Actor a : all(studyId)) {
            if (a.externalId() != null) {
                map.put(a.externalId(), a);
            }
        }
        return map;
    }

    private static String camel(String column) {
        return switch (column) {
            case "external_id" -> "externalId";
            case "size_band" -> "sizeBand";
            default -> column;
        };
    }
}
