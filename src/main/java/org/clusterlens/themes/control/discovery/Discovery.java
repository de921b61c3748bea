package org.clusterlens.themes.control.discovery;

import java.util.List;

/**
 * The candidate themes of a slice, largest first. {@code unassigned}: answers without any term
 * that another answer shares, which no theme can hold. {@code themeOf}: each answer's theme, by its
 * place in {@code themes}, in the order the answers were given; -1 for an unassigned one.
 * {@code outside}: the study's answers outside the slice.
 */
public record Discovery(int answers, int unassigned, int outside, List<CandidateTheme> themes,
                        int[] themeOf) {
    public double unassignedShare() {
        return answers == 0 ? 0 : (double) unassigned / answers;
    }
}
