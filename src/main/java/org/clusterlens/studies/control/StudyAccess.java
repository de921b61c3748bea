package org.clusterlens.studies.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.clusterlens.accounts.control.StudyMembers;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.StudyMember;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.entity.Study;

import java.util.List;
import java.util.function.Supplier;

/**
 * The one place that decides who may see a study: admins see every study; other staff only the
 * studies whose team they are in, and a study they are not in does not exist for them (404, the
 * same answer as for a study that does not exist). Entered once per request, by {@code StudyScope}.
 */
@RequestScoped
public class StudyAccess {
    @Inject
    SecurityContext security;

    // Jakarta Security's isCallerInRole does not see the roles mapped from groups here; the request does
    @Inject
    HttpServletRequest request;

    @Inject
    StudyMembers members;

    @PersistenceContext
    EntityManager em;

    private Viewer viewer;

    /**
     * @param fieldwork whether the request changes the study or reads who said what, which only its
     *                  agents (and admins) may
     * @param missing   the answer for a caller outside the team: the same as for a missing thing
     */
    public Viewer enter(long studyId, boolean fieldwork, Supplier<ProblemException> missing) {
        String caller = security.getCallerPrincipal().getName();
        Study study = em.find(Study.class, studyId);
        if (study == null) {
            throw missing.get();
        }
        Role role;
        if (isAdmin()) {
            role = Role.admin;
        } else {
            role = members.membership(studyId, caller).map(StudyMember::effectiveRole).orElseThrow(missing);
        }
        if (fieldwork && role == Role.lead) {
            throw ProblemException.forbidden("In this study you are a lead: you read its results, its agents run the fieldwork.");
        }
        boolean identified = role != Role.lead || study.leadsSeeIdentities();
        viewer = new Viewer(studyId, caller, role, identified, new Pseudonyms(study.pseudonymKey()));
        return viewer;
    }

    public boolean isAdmin() {
        return request.isUserInRole(Role.ADMIN);
    }

    /** The viewer of the study this request entered. */
    public Viewer viewer() {
        if (viewer == null) {
            throw new IllegalStateException("no study was entered in this request");
        }
        return viewer;
    }

    /** The studies the caller may see, newest first. */
    public List<Study> visibleStudies() {
        if (isAdmin()) {
            return em.createNamedQuery(Study.ALL, Study.class).getResultList();
        }
        List<Long> ids = members.studiesOf(security.getCallerPrincipal().getName());
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Study.ALL_OF, Study.class).setParameter("ids", ids).getResultList();
    }

    /** The caller's role in a study they can see (for lists, where no study was entered). */
    public Role roleIn(Study study) {
        if (isAdmin()) {
            return Role.admin;
        }
        return members.membership(study.id(), security.getCallerPrincipal().getName())
                .map(StudyMember::effectiveRole).orElse(null);
    }
}
