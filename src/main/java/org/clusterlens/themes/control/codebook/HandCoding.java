package org.clusterlens.themes.control.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.themes.control.AnswerKey;
import org.clusterlens.themes.control.FreeText;
import org.clusterlens.themes.control.IndexedResponse;
import org.clusterlens.themes.control.ThemeSources;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.util.List;
import java.util.Optional;

/**
 * A study member codes one answer into a theme, or out of it, by hand; the code overrides the
 * theme's query for that answer from then on. The answer is checked against the database, not
 * the index, so that an answer submitted a moment ago can be coded before it is searchable.
 */
@ApplicationScoped
@Transactional
public class HandCoding {
    @PersistenceContext
    EntityManager em;

    @Inject
    Codebook codebook;

    @Inject
    ThemeSources sources;

    @Inject
    AuditLog audit;

    public HandCode code(Viewer viewer, long themeId, String answerKey, boolean in) {
        Theme theme = codebook.theme(viewer.studyId(), themeId);
        AnswerKey key = answer(viewer, answerKey);
        Optional<HandCode> existing = em.createNamedQuery(HandCode.ONE, HandCode.class)
                .setParameter("theme", theme.id()).setParameter("key", key.toString()).getResultStream().findFirst();
        HandCode code;
        if (existing.isPresent()) {
            code = existing.get();
            code.recode(in, viewer.caller());
        } else {
            code = new HandCode(theme.id(), key.toString(), key.responseId(), in, viewer.caller());
            em.persist(code);
        }
        em.flush();
        audit.record(viewer.caller(), Action.CHANGED, Codebook.SUBJECT, String.valueOf(theme.id()), "study "
                + viewer.studyId() + ": answer " + key + " coded " + (in ? "into" : "out of") + " “" + theme.name() + "”");
        return code;
    }

    /** An answer of the study that the viewer may read; any other key is a 404, as a missing one. */
    private AnswerKey answer(Viewer viewer, String answerKey) {
        AnswerKey key = AnswerKey.parse(answerKey).orElseThrow(() -> ProblemException.invalidField("answerKey",
                "An answer's key as search gives it, e.g. 51.main_problem or 51.sites.0.site_problem."));
        IndexedResponse response = sources.current(List.of(key.responseId())).getFirst();
        boolean found = response.submitted() && response.studyId() == viewer.studyId()
                && response.answers().stream().anyMatch(a -> a.pointer().equals(key.pointer()) && visible(a, viewer));
        if (!found) {
            throw ProblemException.notFound("The study has no answer " + answerKey + ".");
        }
        return key;
    }

    private static boolean visible(FreeText answer, Viewer viewer) {
        return viewer.identified() || !answer.personal();
    }
}
