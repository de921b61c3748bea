package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.User;
import org.clusterlens.platform.errors.ProblemException;

import java.util.List;
import java.util.Set;

/** Creating and changing users; every change is audited. */
@ApplicationScoped
@Transactional
public class Accounts {
    private static final String SUBJECT = "user";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    UserDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    StudyMembers members;

    @Inject
    ApiTokens tokens;

    public User create(String actor, String email, String displayName, String password, Set<Role> roles) {
        if (directory.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("A user with the email " + User.normalizeEmail(email) + " exists already.");
        }
        refuseWeak("/password", password, email, displayName);
        User user = new User(email, displayName, passwords.hash(password), roles);
        em.persist(user);
        em.flush();
        audit.record(actor, Action.CREATED, SUBJECT, user.email(), "roles " + user.roleNames());
        return user;
    }

    public User change(String actor, long id, String displayName, Set<Role> roles, Boolean enabled, String password) {
        User user = find(id);
        StringBuilder what = new StringBuilder();
        if (displayName != null) {
            user.rename(displayName);
            what.append("name ");
        }
        if (roles != null) {
            if (actor.equals(user.email()) && !roles.contains(Role.admin) && user.roles().contains(Role.admin)) {
                throw ProblemException.invalidField("/roles", "You cannot take the admin role away from yourself.");
            }
            user.changeRoles(roles);
            what.append("roles ").append(user.roleNames()).append(' ');
        }
        if (enabled != null) {
            if (actor.equals(user.email()) && !enabled) {
                throw ProblemException.invalidField("/enabled", "You cannot disable your own account.");
            }
            user.enable(enabled);
            what.append(enabled ? "enabled " : "disabled ");
        }
        if (password != null) {
            refuseWeak("/password", password, user.email(), user.displayName());
            user.changePasswordHash(passwords.hash(password));
            int ended = tokens.revokeAll(user);
            what.append("password (sessions and ").append(ended).append(" API token(s) ended) ");
        }
        audit.record(actor, Action.CHANGED, SUBJECT, user.email(), what.toString().trim());
        return user;
    }

    /** The user's own change, once the current password was checked: ends sessions and tokens, audited. */
    public User changeOwnPassword(String email, String newPassword) {
        User user = directory.findActive(email).map(u -> em.find(User.class, u.id()))
                .orElseThrow(() -> ProblemException.unauthorized("Unknown user."));
        refuseWeak("/newPassword", newPassword, user.email(), user.displayName());
        user.changePasswordHash(passwords.hash(newPassword));
        int ended = tokens.revokeAll(user);
        audit.record(user.email(), Action.CHANGED, SUBJECT, user.email(),
                "own password (other sessions and " + ended + " API token(s) ended)");
        em.flush();
        return user;
    }

    private static void refuseWeak(String field, String password, String email, String displayName) {
        PasswordPolicy.refusal(password, email, displayName).ifPresent(why -> {
            throw ProblemException.invalidField(field, why);
        });
    }

    public void delete(String actor, long id) {
        User user = find(id);
        if (actor.equals(user.email())) {
            throw ProblemException.conflict("You cannot delete your own account.");
        }
        members.removeEverywhere(user);
        em.remove(user);
        audit.record(actor, Action.DELETED, SUBJECT, user.email(), null);
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw ProblemException.notFound("There is no user " + id + ".");
        }
        return user;
    }

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public boolean anyAdmin() {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.roles LIKE :admin", Long.class)
                .setParameter("admin", "%" + Role.ADMIN + "%").getSingleResult() > 0;
    }
}
