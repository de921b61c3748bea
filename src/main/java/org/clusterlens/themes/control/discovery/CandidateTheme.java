package org.clusterlens.themes.control.discovery;

import java.util.List;

/**
 * A theme found in a slice: its label (its first phrases), how many of the slice's answers it
 * holds and their share, its phrases by G², the phrases whose query finds most of its answers
 * ({@link SeedQuery}), and the answers nearest its centre, exactly as typed.
 */
public record CandidateTheme(String label, int size, double share, List<Phrase> phrases, List<Phrase> seedPhrases,
                             List<SliceAnswer> quotes) {
}
