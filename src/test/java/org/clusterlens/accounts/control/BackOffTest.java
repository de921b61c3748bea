package org.clusterlens.accounts.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackOffTest {
    private static final long SECOND = 1_000_000_000L;

    private static BackOff fiveFree() {
        return new BackOff(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), 1000);
    }

    private static void fail(BackOff backOff, String key, int times, long now) {
        for (int i = 0; i < times; i++) {
            backOff.failed(key, now);
        }
    }

    @Test
    void theFirstFailuresAreFreeThenTheWaitDoublesWithEachFailure() {
        BackOff backOff = fiveFree();
        fail(backOff, "a@example.org", 4, 0);
        assertEquals(Duration.ZERO, backOff.waitFor("a@example.org", 0), "four failures cost nothing");
        backOff.failed("a@example.org", 0);
        assertEquals(Duration.ofSeconds(1), backOff.waitFor("a@example.org", 0), "the fifth makes the sixth try wait");

        long t = SECOND;
        assertEquals(Duration.ZERO, backOff.waitFor("a@example.org", t), "after the wait it may try again");
        backOff.failed("a@example.org", t);
        assertEquals(Duration.ofSeconds(2), backOff.waitFor("a@example.org", t));
        t += 2 * SECOND;
        backOff.failed("a@example.org", t);
        assertEquals(Duration.ofSeconds(4), backOff.waitFor("a@example.org", t));
        assertEquals(Duration.ofSeconds(1), backOff.waitFor("a@example.org", t + 3 * SECOND), "the wait runs down");
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        BackOff backOff = fiveFree();
        fail(backOff, "a", 5 + 40, 0);
        assertEquals(Duration.ofSeconds(60), backOff.waitFor("a", 0));
        fail(backOff, "a", 5000, 0);
        assertEquals(Duration.ofSeconds(60), backOff.waitFor("a", 0), "no overflow after thousands of failures");
    }

    @Test
    void keysAreCountedApartAndForgottenOnSuccessOrAfterAQuietHour() {
        BackOff backOff = fiveFree();
        fail(backOff, "a", 5, 0);
        assertEquals(Duration.ZERO, backOff.waitFor("b", 0), "another key is not slowed down");
        backOff.forget("a");
        assertEquals(Duration.ZERO, backOff.waitFor("a", 0));

        fail(backOff, "c", 20, 0);
        long anHourLater = Duration.ofHours(1).toNanos() + SECOND;
        backOff.failed("c", anHourLater);
        assertEquals(Duration.ZERO, backOff.waitFor("c", anHourLater), "counting starts again from one");
    }

    @Test
    void aFloodOfNewKeysCostsBoundedMemoryAndEvictsTheLeastRecentlySeen() {
        BackOff backOff = new BackOff(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), 100);
        fail(backOff, "target", 6, 0);
        for (int i = 0; i < 10_000; i++) {
            backOff.failed("flood-" + i, i);
            if (i % 50 == 0) {
                assertTrue(backOff.waitFor("target", i).compareTo(Duration.ZERO) > 0, "a key still in use stays");
            }
        }
        assertEquals(100, backOff.tracked());
    }

    @Test
    void perAccountAndPerAddressAreCountedSeparatelyAndOnlyTheAccountIsClearedBySuccess() {
        BackOff accounts = fiveFree();
        BackOff addresses = new BackOff(20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), 1000);
        SignInThrottle throttle = new SignInThrottle(accounts, addresses);

        for (int i = 0; i < 5; i++) {
            throttle.failed("Target@Example.org", "10.0.0.1", 0);
        }
        assertEquals(1, throttle.secondsToWait("target@example.org", "10.0.0.2", 0),
                "the account waits, from any address, whatever the case of the email");
        assertEquals(0, throttle.secondsToWait("other@example.org", "10.0.0.1", 0),
                "other accounts from that address do not wait yet");

        for (int i = 0; i < 15; i++) {
            throttle.failed("guess" + i + "@example.org", "10.0.0.1", 0);
        }
        assertEquals(1, throttle.secondsToWait("fresh@example.org", "10.0.0.1", 0),
                "twenty failures from one address slow every account tried from it");
        assertEquals(0, throttle.secondsToWait("fresh@example.org", "10.0.0.2", 0));

        throttle.succeeded("target@example.org");
        assertEquals(0, throttle.secondsToWait("target@example.org", "10.0.0.2", 0), "success clears the account");
        assertEquals(1, throttle.secondsToWait("target@example.org", "10.0.0.1", 0), "but not the address");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        SignInThrottle throttle = new SignInThrottle(fiveFree(), fiveFree());
        for (int i = 0; i < 6; i++) {
            throttle.failed("a", "x", 0);
        }
        assertEquals(2, throttle.secondsToWait("a", "x", 0));
        assertEquals(1, throttle.secondsToWait("a", "x", SECOND + 1));
        assertEquals(0, throttle.secondsToWait("a", "x", 2 * SECOND));
    }
}
