package org.clusterlens.themes.control.suggestions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.themes.control.codebook.Codebook;
import org.clusterlens.themes.control.codebook.HandCoding;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggestions accepted or rejected in bulk: an accepted one codes the answer into the theme by
 * hand, a rejected one codes it out, so that neither is proposed again. All of them or none.
 */
@ApplicationScoped
@Transactional
public class SuggestionDecisions {
    public static final int MAX = 500;
    public static final String SUBJECT = "theme-suggestions";

    @Inject
    Codebook codebook;

    @Inject
    HandCoding handCoding;

    @Inject
    AuditLog audit;

    public record Decision(String answerKey, long themeId, boolean accept) {
    }

    /** Every decision is checked before any is written; a problem with one is a 400 naming it. */
    public List<HandCode> decide(Viewer viewer, List<Decision> decisions) {
        Set<Long> themes = new HashSet<>(codebook.themes(viewer.studyId()).stream().map(Theme::id).toList());
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            if (!themes.contains(d.themeId())) {
                errors.add(new FieldError("/decisions/" + i + "/themeId", "The study has no theme " + d.themeId() + "."));
            }
            if (!seen.add(d.themeId() + " " + d.answerKey())) {
                errors.add(new FieldError("/decisions/" + i, "The same answer and theme are decided twice."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The decisions have " + errors.size() + " problem(s); none was applied.", errors);
        }
        List<HandCode> codes = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            try {
                codes.add(handCoding.code(viewer, d.themeId(), d.answerKey(), d.accept()));
            } catch (ProblemException e) {
                int status = e.problem().status();
                String message = status == 404 ? "The study has no answer " + d.answerKey() + "." : e.problem().detail();
                throw ProblemException.badRequest("Decision " + i + " cannot be applied; none was.",
                        List.of(new FieldError("/decisions/" + i + "/answerKey", message)));
            }
        }
        long accepted = decisions.stream().filter(Decision::accept).count();
        audit.record(viewer.caller(), Action.CHANGED, SUBJECT, String.valueOf(viewer.studyId()), "study "
                + viewer.studyId() + ": " + accepted + " suggestion(s) accepted and " + (decisions.size() - accepted)
                + " rejected at once");
        return codes;
    }
}
