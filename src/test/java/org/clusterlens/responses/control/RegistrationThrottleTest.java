package org.clusterlens.responses.control;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationThrottleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenCallersWaitForTheNextToken() {
        var bucket = new RegistrationThrottle.TokenBucket(3, 6 * SECOND, 0);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.take(0).isEmpty());
        }
        OptionalLong wait = bucket.take(SECOND);
        assertEquals(OptionalLong.of(5), wait);
        assertTrue(bucket.take(7 * SECOND).isEmpty(), "a token came back after six seconds");
        assertTrue(bucket.take(7 * SECOND).isPresent());
    }
}
