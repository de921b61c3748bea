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
        Optional<User> user = findActive(login.getCaller());
        boolean ok = passwords.matches(login.getPasswordAsString(), user.map(User::passwordHash).orElse(null));
        if (ok && user.isPresent()) {
            return new CredentialValidationResult(user.get().email(), user.get().roleNames());
        }
        return CredentialValidationResult.INVALID_RESULT;
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
