package org.clusterlens.responses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlens.platform.BoundedMap;
import org.clusterlens.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.OptionalLong;

/**
 * A token bucket per client address and open link: a burst of registrations, then one more every
 * few seconds. It lives in memory, per instance: it guards against a script filling the register,
 * not against a determined attacker with many addresses.
 */
@ApplicationScoped
public class RegistrationThrottle {
    private static final int MAX_TRACKED = 10_000;

    @Inject
    @ConfigProperty(name = Settings.REGISTRATION_BURST, defaultValue = Settings.REGISTRATION_BURST_DEFAULT)
    int burst;

    @Inject
    @ConfigProperty(name = Settings.REGISTRATION_REFILL_SECONDS, defaultValue = Settings.REGISTRATION_REFILL_SECONDS_DEFAULT)
    int refillSeconds;

    /** Forgetting the least recently seen caller hands it a full bucket, which time would have anyway. */
    private final BoundedMap<String, TokenBucket> buckets = new BoundedMap<>(MAX_TRACKED);

    /** Takes one registration for this caller; empty when allowed, else the seconds to wait. */
    public OptionalLong acquire(String clientAddress, String link) {
        long now = System.nanoTime();
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(clientAddress + " " + link,
                    k -> new TokenBucket(burst, refillSeconds * 1_000_000_000L, now));
        }
        return bucket.take(now);
    }

    static final class TokenBucket {
        private final int capacity;
        private final long nanosPerToken;
        private double tokens;
        private long updated;

        TokenBucket(int capacity, long nanosPerToken, long now) {
            this.capacity = capacity;
            this.nanosPerToken = Math.max(1, nanosPerToken);
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            long waitNanos = (long) Math.ceil((1 - tokens) * nanosPerToken);
            return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) / nanosPerToken);
            updated = now;
        }
    }
}
