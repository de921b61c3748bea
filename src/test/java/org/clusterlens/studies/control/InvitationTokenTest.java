package org.clusterlens.studies.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvitationTokenTest {

    @Test
    void tokensCarry256RandomBitsInUrlSafeText() {
        InvitationToken token = InvitationToken.generate();
        assertEquals(43, token.value().length());
        assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());
        assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
        assertTrue(InvitationToken.BYTES * 8 >= 128);
    }

    @Test
    void tokensAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(InvitationToken.generate().value()));
        }
    }

    @Test
    void onlyTheHashIsStoredAndItIsStable() {
        InvitationToken token = InvitationToken.generate();
        assertEquals(64, token.hash().length());
        assertEquals(token.hash(), InvitationToken.hashOf(token.value()));
        assertNotEquals(token.hash(), InvitationToken.generate().hash());
        assertFalse(token.toString().contains(token.value()), "the token does not end up in logs");
        assertEquals("/respond/" + token.value(), token.link());
    }
}
