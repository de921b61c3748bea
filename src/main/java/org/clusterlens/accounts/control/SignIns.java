package org.clusterlens.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.accounts.entity.User;
import org.clusterlens.platform.BoundedMap;
import org.clusterlens.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every password check of a person: the session login, HTTP Basic and the current password of a
 * password change. Throttled, audited, and the same to the caller whether or not the email exists.
 */
@ApplicationScoped
public class SignIns {
    static final String SUBJECT = "sign-in";
    /** Scripts on Basic sign in on every call; one audit row per account and address per hour says enough. */
    private static final long BASIC_AUDIT_EVERY_NANOS = Duration.ofHours(1).toNanos();

    public enum Via { SESSION, BASIC, PASSWORD_CHANGE }

    public sealed interface Attempt {
        record Accepted(User user) implements Attempt {
        }

        record Refused() implements Attempt {
        }

        record Throttled(long retryAfterSeconds) implements Attempt {
        }
    }

    @Inject
    UserDirectory users;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = Settings.TRUSTED_PROXIES)
    Optional<String> trustedProxies;

    private Set<String> proxies = Set.of();

    private final BoundedMap<String, Long> basicAudited = new BoundedMap<>(10_000);

    public Attempt attempt(String email, String password, HttpServletRequest request, Via via) {
        String address = clientAddress(request);
        String account = SignInThrottle.key(email);
        long wait = throttle.secondsToWait(account, address);
        if (wait > 0) {
            // not audited: while an account or address waits, a flood would only fill the log
            return new Attempt.Throttled(wait);
        }
        UserDirectory.Check check = users.check(account, password == null ? "" : password);
        String where = " via " + via.name().toLowerCase().replace('_', ' ') + " from " + address;
        if (check.outcome() == UserDirectory.Outcome.VALID) {
            throttle.succeeded(account);
            if (worthAuditing(via, account, address)) {
                audit.recordAlone(account, Action.LOGGED_IN, SUBJECT, subject(account), where.strip());
            }
            return new Attempt.Accepted(check.user());
        }
        throttle.failed(account, address);
        // only admins read this, so it may say what the caller is never told
        audit.recordAlone(account, Action.LOGIN_FAILED, SUBJECT, subject(account), switch (check.outcome()) {
            case UNKNOWN -> "no such account";
            case DISABLED -> "account disabled";
            default -> "wrong password";
        } + where);
        return new Attempt.Refused();
    }

    String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), proxies);
    }

    @PostConstruct
    void configure() {
        proxies = Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean worthAuditing(Via via, String account, String address) {
        if (via == Via.SESSION) {
            return true;
        }
        if (via == Via.PASSWORD_CHANGE) {
            return false; // the change itself is audited
        }
        long now = System.nanoTime();
        String key = account + " " + address;
        synchronized (basicAudited) {
            Long last = basicAudited.get(key);
            if (last != null && now - last < BASIC_AUDIT_EVERY_NANOS) {
                return false;
            }
            basicAudited.put(key, now);
            return true;
        }
    }

    private static String subject(String account) {
        return account.length() <= 200 ? account : account.substring(0, 200);
    }
}
