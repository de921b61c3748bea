package org.clusterlens.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.clusterlens.platform.Settings;
import org.clusterlens.platform.errors.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;

/**
 * Slows down password guessing, per account and per client address. Only wrong passwords count; a
 * right one clears its account (not its address, or one known account would reset a guesser's
 * address). Keys are the email as typed, whether or not such a user exists, so the throttle
 * behaves the same for unknown emails.
 * <p>
 * The counts live in memory, per instance. With n instances behind a load balancer a guesser gets
 * at most n times the budget; as the wait doubles after every failure, that buys a handful of
 * guesses an hour, not a dictionary. Sharing the counts through the database would add a write to
 * every failure and a read to every login of every instance to close that gap.
 */
@ApplicationScoped
public class SignInThrottle {
    /** Keys kept per kind; about 100 bytes each, so a flood of addresses costs a few MB at most. */
    static final int CAPACITY = 50_000;
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = Settings.SIGNIN_ACCOUNT_FAILURES, defaultValue = Settings.SIGNIN_ACCOUNT_FAILURES_DEFAULT)
    int accountFailures;

    @Inject
    @ConfigProperty(name = Settings.SIGNIN_ADDRESS_FAILURES, defaultValue = Settings.SIGNIN_ADDRESS_FAILURES_DEFAULT)
    int addressFailures;

    @Inject
    @ConfigProperty(name = Settings.SIGNIN_BASE_DELAY_SECONDS, defaultValue = Settings.SIGNIN_BASE_DELAY_SECONDS_DEFAULT)
    int baseDelaySeconds;

    @Inject
    @ConfigProperty(name = Settings.SIGNIN_MAX_DELAY_SECONDS, defaultValue = Settings.SIGNIN_MAX_DELAY_SECONDS_DEFAULT)
    int maxDelaySeconds;

    private BackOff accounts;
    private BackOff addresses;

    SignInThrottle() {
    }

    SignInThrottle(BackOff accounts, BackOff addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @PostConstruct
    void configure() {
        Duration base = Duration.ofSeconds(baseDelaySeconds);
        Duration max = Duration.ofSeconds(Math.max(baseDelaySeconds, maxDelaySeconds));
        accounts = new BackOff(accountFailures, base, max, FORGET_AFTER, CAPACITY);
        // higher than per account: colleagues behind one office address must not lock each other out
        addresses = new BackOff(Math.max(addressFailures, accountFailures), base, max, FORGET_AFTER, CAPACITY);
    }

    /** Whole seconds to wait before this account may try again from this address; 0: go ahead. */
    public long secondsToWait(String email, String address) {
        return secondsToWait(email, address, System.nanoTime());
    }

    long secondsToWait(String email, String address, long now) {
        Duration wait = max(accounts.waitFor(key(email), now), addresses.waitFor(address, now));
        if (wait.isZero()) {
            return 0;
        }
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    public void failed(String email, String address) {
        failed(email, address, System.nanoTime());
    }

    void failed(String email, String address, long now) {
        accounts.failed(key(email), now);
        addresses.failed(address, now);
    }

    public void succeeded(String email) {
        accounts.forget(key(email));
    }

    /** The answer while a caller waits; the same whether the account, the address or both wait. */
    public static Response tooManyFailures(long retryAfterSeconds) {
        return Response.fromResponse(Problem.of(429, "Too Many Requests",
                        "Too many wrong passwords. Try again in " + retryAfterSeconds + " seconds.").toResponse())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    /** The account as typed, normalised like stored emails and cut to the longest one there can be. */
    static String key(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return key.length() <= 254 ? key : key.substring(0, 254);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
