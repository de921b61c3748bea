package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.clusterlens.accounts.entity.User;

import java.util.Optional;
import java.util.Set;

/** The identity store behind both login paths: checks passwords and tells the user's roles. */
@ApplicationScoped
public class UserDirectory implements IdentityStore {
    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Check check = check(login.getCaller(), login.getPasswordAsString());
        return check.outcome() == Outcome.VALID
                ? new CredentialValidationResult(check.user().email(), check.user().roleNames())
                : CredentialValidationResult.INVALID_RESULT;
    }

    public enum Outcome { VALID, WRONG_PASSWORD, UNKNOWN, DISABLED }

    /** {@code user} is set only when {@code outcome} is VALID. */
    public record Check(Outcome outcome, User user) {
    }

    /**
     * Checks a password, hashing it even when there is no such user (against a decoy hash), so that
     * an unknown email takes as long to refuse as a wrong password. The outcome is for the audit
     * log; callers tell the user nothing but "wrong".
     */
    public Check check(String email, String password) {
        Optional<User> user = findByEmail(email);
        boolean usable = user.isPresent() && user.get().enabled();
        boolean matches = passwords.matches(password, usable ? user.get().passwordHash() : null);
        if (usable && matches) {
            return new Check(Outcome.VALID, user.get());
        }
        Outcome outcome = user.isEmpty() ? Outcome.UNKNOWN : usable ? Outcome.WRONG_PASSWORD : Outcome.DISABLED;
        return new Check(outcome, null);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return findActive(result.getCallerPrincipal().getName()).map(User::roleNames).orElse(Set.of());
    }

    public Optional<User> findActive(String email) {
        return findByEmail(email).filter(User::enabled);
    }

    public Optional<User> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }
}
