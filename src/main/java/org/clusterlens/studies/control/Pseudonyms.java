package org.clusterlens.studies.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Stable pseudonyms of a study's actors for readers who must not learn who said what: an
 * HMAC-SHA256 of the actor's id under the study's own secret key, which never leaves the server.
 * The same actor always gets the same pseudonym within a study, so answers can be followed across
 * questions and waves; without the key nobody can go back from a pseudonym to the actor, and
 * pseudonyms of two studies cannot be matched.
 */
public final class Pseudonyms {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O or U, so that a pseudonym read aloud is not misheard. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 8;

    private final SecretKeySpec key;

    public Pseudonyms(String studyKey) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(studyKey), "HmacSHA256");
    }

    /** A new study's secret: 32 random bytes, base64. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code P-} and 8 characters: 40 bits, far more than any cluster has actors. */
    public String of(long actorId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal(("actor:" + actorId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return "P-" + new String(out);
    }
}
