package org.clusterlens.forms.expression;

import java.security.SecureRandom;

/** uuid(n): n random letters and digits, as Collect gives. */
final class RandomText {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** As much as the browser's crypto.getRandomValues gives at once. */
    private static final int LONGEST = 65_536;

    private RandomText() {
    }

    static String of(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(length, LONGEST); i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
