package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.StudyMember;
import org.clusterlens.accounts.entity.User;
import org.clusterlens.platform.errors.ProblemException;

import java.util.List;
import java.util.Optional;

/** Who is in a study's team, and as what; every change is audited. */
@ApplicationScoped
@Transactional
public class StudyMembers {
    private static final String SUBJECT = "study";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    AuditLog audit;

    /** Whoever creates a study is its first agent. */
    public void addFounder(long studyId, String email) {
        users.findActive(email).filter(u -> u.roles().contains(Role.agent) || u.roles().contains(Role.admin))
                .ifPresent(u -> em.persist(new StudyMember(studyId, u, Role.agent, email)));
    }

    public List<StudyMember> of(long studyId) {
        return em.createNamedQuery(StudyMember.OF_STUDY, StudyMember.class).setParameter("study", studyId)
                .getResultList();
    }

    public Optional<StudyMember> membership(long studyId, String email) {
        return em.createNamedQuery(StudyMember.ONE, StudyMember.class).setParameter("study", studyId)
                .setParameter("email", User.normalizeEmail(email)).getResultStream().findFirst();
    }

    public List<Long> studiesOf(String email) {
        return em.createNamedQuery(StudyMember.STUDIES_OF, Long.class)
                .setParameter("email", User.normalizeEmail(email)).getResultList();
    }

    public StudyMember add(long studyId, String email, Role role, String actor) {
        User user = users.findActive(email).orElseThrow(() -> ProblemException.invalidField("/email",
                "There is no active user with this email; an admin creates accounts on the Users page."));
        return put(studyId, user, role, actor);
    }

    public StudyMember put(long studyId, long userId, Role role, String actor) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ProblemException.notFound("There is no user " + userId + ".");
        }
        return put(studyId, user, role, actor);
    }

    private StudyMember put(long studyId, User user, Role role, String actor) {
        if (role == null || role == Role.admin) {
            throw ProblemException.invalidField("/role", "A study member is an \"agent\" or a \"lead\".");
        }
        if (!StudyMember.mayBe(user, role)) {
            throw ProblemException.invalidField("/role", user.email() + " may not be a " + role
                    + ": the account's roles are " + user.roleNames() + ".");
        }
        Optional<StudyMember> existing = membership(studyId, user.email());
        StudyMember member;
        if (existing.isPresent()) {
            member = existing.get();
            if (member.role() == Role.agent && role != Role.agent) {
                requireAnotherAgent(studyId, member);
            }
            member.changeRole(role);
        } else {
            member = new StudyMember(studyId, user, role, actor);
            em.persist(member);
        }
        audit.record(actor, Action.CHANGED, SUBJECT, String.valueOf(studyId), "member " + user.email() + " as " + role);
        return member;
    }

    public void remove(long studyId, long userId, String actor) {
        StudyMember member = of(studyId).stream().filter(m -> m.user().id() == userId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("User " + userId + " is not a member of study " + studyId + "."));
        if (member.role() == Role.agent) {
            requireAnotherAgent(studyId, member);
        }
        em.remove(member);
        audit.record(actor, Action.DELETED, SUBJECT, String.valueOf(studyId), "member " + member.user().email());
    }

    /** A deleted account leaves every team it was in. */
    public void removeEverywhere(User user) {
        em.createNamedQuery(StudyMember.OF_USER, StudyMember.class).setParameter("user", user)
                .getResultList().forEach(em::remove);
    }

    private void requireAnotherAgent(long studyId, StudyMember leaving) {
        boolean another = of(studyId).stream().anyMatch(m -> m != leaving && m.role() == Role.agent
                && m.user().enabled() && m.effectiveRole() == Role.agent);
        if (!another) {
            throw ProblemException.conflict("A study keeps at least one agent: add another agent first.");
        }
    }
}
