package org.clusterlens.themes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.responses.control.Outbox;
import org.clusterlens.responses.entity.OutboxEntry;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.themes.entity.StudyStopWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A study's own stop words. A change is applied at index time, so it reindexes the study: an
 * outbox row for each of its submitted responses, in the same transaction, which every instance
 * reads like any other change.
 */
@ApplicationScoped
@Transactional
public class StopWords {
    static final String SUBJECT = "theme-stop-words";

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** The list and its revision: 0 before anybody wrote one. */
    public record Listed(List<String> words, long revision) {
    }

    public Listed of(long studyId) {
        return Optional.ofNullable(em.find(StudyStopWords.class, studyId))
                .map(w -> new Listed(w.words(), w.revision())).orElse(new Listed(List.of(), 0));
    }

    /**
     * @param revision the revision the agent edited; another one means somebody changed the list meanwhile
     * @return the list as stored
     */
    public Listed replace(long studyId, List<String> words, long revision, String agent) {
        List<String> normalised = check(words);
        em.find(Study.class, studyId, LockModeType.PESSIMISTIC_WRITE);
        StudyStopWords stored = em.find(StudyStopWords.class, studyId);
        long current = stored == null ? 0 : stored.revision();
        if (current != revision) {
            throw ProblemException.conflict("The stop words were changed by somebody else (revision " + current
                    + "); reload them and make your change again.");
        }
        boolean changed;
        if (stored == null) {
            stored = new StudyStopWords(studyId, normalised, agent);
            em.persist(stored);
            changed = !normalised.isEmpty();
        } else {
            changed = stored.replace(normalised, agent);
        }
        em.flush();
        if (changed) {
            List<Long> submitted = em.createQuery("SELECT r.id FROM Response r WHERE r.studyId = :study"
                    + " AND r.status = :status", Long.class).setParameter("study", studyId)
                    .setParameter("status", Response.Status.SUBMITTED).getResultList();
            submitted.forEach(id -> outbox.write(id, OutboxEntry.Kind.REINDEX));
            audit.record(agent, Action.CHANGED, SUBJECT, String.valueOf(studyId),
                    normalised.size() + " stop word(s); " + submitted.size() + " response(s) to reindex");
        }
        return new Listed(stored.words(), stored.revision());
    }

    private static List<String> check(List<String> words) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null || word.isBlank()) {
                errors.add(new FieldError("/words/" + i, "a word, not an empty text"));
            } else if (word.strip().length() > StudyStopWords.MAX_LENGTH) {
                errors.add(new FieldError("/words/" + i, "at most " + StudyStopWords.MAX_LENGTH + " characters"));
            } else if (word.strip().codePoints().anyMatch(Character::isWhitespace)) {
                errors.add(new FieldError("/words/" + i, "one word without spaces: answers are cut into words before stop words are left out"));
            }
        }
        if (words.size() > StudyStopWords.MAX_WORDS) {
            errors.add(new FieldError("/words", "at most " + StudyStopWords.MAX_WORDS + " words"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The stop words have " + errors.size() + " problem(s).", errors);
        }
        return StudyStopWords.normalise(words);
    }
}
