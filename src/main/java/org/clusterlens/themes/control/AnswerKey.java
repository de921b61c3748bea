package org.clusterlens.themes.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one free-text answer is named across the index, hand codes and URLs: its response and its
 * place in the response's answers (question, and the entry of every repeat around it), e.g.
 * {@code 51.sites.0.machines.1.machine_issue} for the pointer {@code /sites/0/machines/1/machine_issue}
 * of response 51. Question and repeat names are letters, digits and {@code _}, so dots cannot
 * be mistaken for part of a name, and the key needs no escaping in a path.
 */
public record AnswerKey(long responseId, String pointer) {
    /** As long as the hand codes' column holds. */
    public static final int MAX_LENGTH = 600;
    private static final Pattern KEY = Pattern.compile("(\\d{1,18})((?:\\.[A-Za-z0-9_]{1,70}){1,40})");

    public static Optional<AnswerKey> parse(String key) {
        if (key == null || key.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AnswerKey(Long.parseLong(m.group(1)), m.group(2).replace('.', '/')));
    }

    @Override
    public String toString() {
        return responseId + pointer.replace('/', '.');
    }
}
