package org.clusterlens.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A named credential for scripts. Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.secretHash = :hash")
@NamedQuery(name = ApiToken.OF_USER, query = "SELECT t FROM ApiToken t WHERE t.user.email = :email ORDER BY t.id DESC")
@NamedQuery(name = ApiToken.COUNT_OF_USER, query = "SELECT COUNT(t) FROM ApiToken t WHERE t.user.email = :email")
@NamedQuery(name = ApiToken.DELETE_ALL, query = "DELETE FROM ApiToken t WHERE t.user.id = :userId")
public class ApiToken {
    public static final String BY_HASH = "ApiToken.byHash";
    public static final String OF_USER = "ApiToken.ofUser";
    public static final String COUNT_OF_USER = "ApiToken.countOfUser";
    public static final String DELETE_ALL = "ApiToken.deleteAll";

    /** lastUsedAt is a hint for people, not a log: written at most this often per token. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(User user, String name, String secretHash, Instant createdAt, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
        this.user = user;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Notes a use; true when that changed the row (once a minute at most). */
    public boolean usedAt(Instant now) {
        if (lastUsedAt != null && now.isBefore(lastUsedAt.plus(USE_RECORDED_EVERY))) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public User user() {
        return user;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
