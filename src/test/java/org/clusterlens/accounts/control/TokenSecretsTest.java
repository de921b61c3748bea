package org.clusterlens.accounts.control;

import org.clusterlens.accounts.entity.ApiToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSecretsTest {
    @Test
    void tokensAreRecognisableAndCarry256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenSecrets.generate();
            assertTrue(token.startsWith("clt_"), token);
            assertEquals(4 + 43, token.length(), token);
            assertEquals(Optional.of(token), TokenSecrets.parse(token));
            seen.add(token);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void anythingThatIsNotOneOfOursIsNotLookedUp() {
        String token = TokenSecrets.generate();
        assertEquals(Optional.of(token), TokenSecrets.parse("  " + token + " "));
        assertEquals(Optional.empty(), TokenSecrets.parse(null));
        assertEquals(Optional.empty(), TokenSecrets.parse(""));
        assertEquals(Optional.empty(), TokenSecrets.parse(token.substring(4)), "no prefix");
        assertEquals(Optional.empty(), TokenSecrets.parse(token + "x"), "too long");
        assertEquals(Optional.empty(), TokenSecrets.parse(token.substring(0, 46)), "too short");
        assertEquals(Optional.empty(), TokenSecrets.parse("clt_" + "a".repeat(42) + "="), "not base64url");
        assertEquals(Optional.empty(), TokenSecrets.parse("eyJhbGciOiJIUzI1NiJ9.e30.sig"), "a JWT is not ours");
    }

    @Test
    void theStoredFormIsTheSha256OfTheTokenNeverTheTokenItself() {
        assertEquals(64, TokenSecrets.hash("clt_x").length(), "hex of 32 bytes, as the column holds");
        // SHA-256("abc"), the FIPS 180-2 example
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
        String token = TokenSecrets.generate();
        assertEquals(TokenSecrets.hash(token), TokenSecrets.hash(token));
        assertNotEquals(TokenSecrets.hash(token), TokenSecrets.hash(TokenSecrets.generate()));
        assertFalse(TokenSecrets.hash(token).contains(token.substring(4, 12)));
    }

    @Test
    void aTokenExpiresAtItsTimeAndNotesItsUseAtMostOnceAMinute() {
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        ApiToken token = new ApiToken(null, "nightly export", "hash", created, created.plus(Duration.ofDays(30)));
        assertFalse(token.isExpiredAt(created.plus(Duration.ofDays(29))));
        assertTrue(token.isExpiredAt(created.plus(Duration.ofDays(30))));

        assertTrue(token.usedAt(created.plusSeconds(5)));
        assertFalse(token.usedAt(created.plusSeconds(30)), "no write for every request");
        assertEquals(created.plusSeconds(5), token.lastUsedAt());
        assertTrue(token.usedAt(created.plusSeconds(65)));
        assertEquals(created.plusSeconds(65), token.lastUsedAt());

        assertThrows(IllegalArgumentException.class, () -> new ApiToken(null, "x", "h", created, created));
        assertFalse(new ApiToken(null, "forever", "h", created, null).isExpiredAt(Instant.MAX));
    }
}
