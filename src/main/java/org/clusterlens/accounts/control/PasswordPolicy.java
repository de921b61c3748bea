package org.clusterlens.accounts.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must not be, after NIST SP 800-63B (5.1.1.2): shorter than the minimum, one
 * of the passwords attackers try first (the shipped list, compared without case), the user's own
 * email or name, or one short pattern repeated ("aaaaaaaaaaaa", "abcabcabcabc"). No rules about
 * digits or symbols: those make people write "Password123!", which is on the list.
 */
public final class PasswordPolicy {
    static final String COMMON_LIST = "/accounts/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why this password may not be used, or nothing when it may. */
    public static Optional<String> refusal(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            return Optional.of("The password must have at least " + Passwords.MIN_LENGTH + " characters.");
        }
        String folded = fold(password);
        if (COMMON.contains(folded)) {
            return Optional.of("This password is on the list of the most common ones, which attackers try first.");
        }
        if (isOwnName(folded, email) || isOwnName(folded, displayName)) {
            return Optional.of("The password must not be your email or your name.");
        }
        if (isRepeatedPattern(folded)) {
            return Optional.of("The password must not be a few characters repeated.");
        }
        return Optional.empty();
    }

    private static boolean isOwnName(String folded, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String own = fold(name);
        int at = own.indexOf('@');
        String local = at > 0 ? own.substring(0, at) : own;
        String squeezed = folded.replaceAll("[\\s._-]", "");
        return folded.equals(own) || folded.equals(local) || squeezed.equals(own.replaceAll("[\\s._-]", ""))
                || squeezed.equals(local.replaceAll("[\\s._-]", ""));
    }

    /** True when the whole password is one unit of up to three characters written again and again. */
    static boolean isRepeatedPattern(String password) {
        int[] points = password.codePoints().toArray();
        for (int unit = 1; unit <= 3 && unit < points.length; unit++) {
            boolean repeats = true;
            for (int i = unit; i < points.length && repeats; i++) {
                repeats = points[i] == points[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    static int listSize() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the application");
            }
            Set<String> words = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(fold(line));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
