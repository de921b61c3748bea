package org.clusterlens.themes.control.discovery;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The saved query a candidate theme starts with when it is accepted into the codebook: the
 * phrases that together find most of its answers, each quoted so that a pair stays a phrase and no
 * character of an answer's wording is read as query syntax. The search analyses each phrase as it
 * analyses answers, so "costs" finds "cost".
 */
public final class SeedQuery {
    private SeedQuery() {
    }

    public static String of(List<Phrase> phrases) {
        return phrases.stream().map(p -> quoted(p.text())).distinct().collect(Collectors.joining(" OR "));
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
