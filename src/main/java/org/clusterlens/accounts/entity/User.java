package org.clusterlens.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.email")
public class User {
    public static final String BY_EMAIL = "User.byEmail";
    public static final String ALL = "User.all";

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Comma-separated role names: three fixed roles do not need a table of their own. */
    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Goes up whenever the password changes or the account is disabled. Sessions remember the value
     * they began with and end when it differs, which holds across instances sharing the database.
     */
    @Column(name = "credentials_epoch", nullable = false)
    private long credentialsEpoch;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected User() {
    }

    public User(String email, String displayName, String passwordHash, Set<Role> roles) {
        this.email = normalizeEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = Instant.now();
        changeRoles(roles);
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void changeRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.roles = newRoles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    public Set<Role> roles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(Role::parse).flatMap(java.util.Optional::stream).forEach(set::add);
        return set;
    }

    public Set<String> roleNames() {
        return roles().stream().map(Role::name).collect(Collectors.toSet());
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.credentialsEpoch++;
    }

    public void enable(boolean on) {
        if (enabled && !on) {
            credentialsEpoch++; // re-enabling later must not bring old sessions back
        }
        this.enabled = on;
    }

    public long credentialsEpoch() {
        return credentialsEpoch;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long rowVersion() {
        return rowVersion;
    }
}
