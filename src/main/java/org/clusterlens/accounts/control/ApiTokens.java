package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.entity.ApiToken;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.accounts.entity.User;
import org.clusterlens.platform.errors.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating, listing, revoking and checking the API tokens of users. */
@ApplicationScoped
@Transactional
public class ApiTokens {
    static final String SUBJECT = "api-token";
    /** Enough for every script a person runs; a bound so that nobody fills the table. */
    static final int MAX_PER_USER = 100;

    public record Created(ApiToken token, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    AuditLog audit;

    public Created create(String email, String name, Instant expiresAt) {
        User user = users.findActive(email).orElseThrow(() -> ProblemException.unauthorized("Unknown user."));
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ProblemException.invalidField("/expiresAt", "expiresAt must be in the future.");
        }
        if (em.createNamedQuery(ApiToken.COUNT_OF_USER, Long.class).setParameter("email", user.email())
                .getSingleResult() >= MAX_PER_USER) {
            throw ProblemException.conflict("You have " + MAX_PER_USER + " tokens already: revoke some first.");
        }
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken(user, name, TokenSecrets.hash(secret), now, expiresAt);
        em.persist(token);
        em.flush();
        audit.record(user.email(), Action.CREATED, SUBJECT, String.valueOf(token.id()),
                "'" + name + "'" + (expiresAt == null ? ", no expiry" : ", expires " + expiresAt));
        return new Created(token, secret);
    }

    public List<ApiToken> of(String email) {
        return em.createNamedQuery(ApiToken.OF_USER, ApiToken.class)
                .setParameter("email", User.normalizeEmail(email)).getResultList();
    }

    /** Another user's token is as absent as one that never existed. */
    public void revoke(String email, long id) {
        User user = users.findActive(email).orElseThrow(() -> ProblemException.unauthorized("Unknown user."));
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.user().id().equals(user.id())) {
            throw ProblemException.notFound("You have no token " + id + ".");
        }
        em.remove(token);
        audit.record(user.email(), Action.REVOKED, SUBJECT, String.valueOf(id), "'" + token.name() + "'");
    }

    /** Ends every token of the user, in the caller's transaction; the number ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(User user) {
        return em.createNamedQuery(ApiToken.DELETE_ALL).setParameter("userId", user.id()).executeUpdate();
    }

    /** The enabled user behind a live token, or nothing for a malformed, unknown or expired token. */
    public Optional<User> authenticate(String presented) {
        Optional<String> token = TokenSecrets.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", TokenSecrets.hash(token.get())).getResultStream().findFirst()
                .filter(t -> !t.isExpiredAt(now) && t.user().enabled());
        found.ifPresent(t -> t.usedAt(now));
        return found.map(ApiToken::user);
    }
}
