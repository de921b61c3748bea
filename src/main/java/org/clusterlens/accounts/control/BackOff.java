package org.clusterlens.accounts.control;

import org.clusterlens.platform.BoundedMap;

import java.time.Duration;

/**
 * Wrong-password counting for one kind of key (an account, a client address): the first
 * {@code freeFailures} cost nothing, then each further try must wait {@code baseDelay}, twice that,
 * four times that… up to {@code maxDelay}. A key with no failure for {@code forgetAfter} starts
 * again from zero; at most {@code capacity} keys are remembered, the least recently seen go first.
 * Times are {@link System#nanoTime()} values, passed in so tests need no sleeping.
 */
final class BackOff {
    private final int freeFailures;
    private final long baseNanos;
    private final long maxNanos;
    private final long forgetNanos;
    private final BoundedMap<String, Failures> failures;

    BackOff(int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter, int capacity) {
        if (freeFailures < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("needs freeFailures >= 1 and 0 < baseDelay <= maxDelay");
        }
        this.freeFailures = freeFailures;
        this.baseNanos = baseDelay.toNanos();
        this.maxNanos = maxDelay.toNanos();
        this.forgetNanos = Math.max(forgetAfter.toNanos(), maxNanos);
        this.failures = new BoundedMap<>(capacity);
    }

    /** How long the next try for this key must still wait; zero when it may go ahead. */
    synchronized Duration waitFor(String key, long now) {
        Failures f = failures.get(key);
        if (f == null || f.count < freeFailures) {
            return Duration.ZERO;
        }
        long remaining = f.last + delayAfter(f.count) - now;
        return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    }

    synchronized void failed(String key, long now) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        if (f.count > 0 && now - f.last > forgetNanos) {
            f.count = 0;
        }
        f.count++;
        f.last = now;
    }

    synchronized void forget(String key) {
        failures.remove(key);
    }

    synchronized int tracked() {
        return failures.size();
    }

    /** The wait after {@code count} failures in a row. */
    long delayAfter(int count) {
        int doublings = count - freeFailures;
        if (doublings < 0) {
            return 0;
        }
        if (doublings >= 62 || baseNanos > (maxNanos >> doublings)) {
            return maxNanos;
        }
        return Math.min(maxNanos, baseNanos << doublings);
    }

    private static final class Failures {
        int count;
        long last;
    }
}
