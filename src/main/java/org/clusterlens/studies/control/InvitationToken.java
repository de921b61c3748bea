package org.clusterlens.studies.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A respondent's credential: 32 random bytes, base64url without padding (43 characters). Only
 * {@link #hash()} is stored; the token itself exists in the link and nowhere else.
 */
public record InvitationToken(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int BYTES = 32;

    public static InvitationToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hashOf(value);
    }

    /** SHA-256 in hex; any string, so that a malformed token costs the same as a wrong one. */
    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String link() {
        return "/respond/" + value;
    }

    @Override
    public String toString() {
        return "InvitationToken[…]";
    }
}
