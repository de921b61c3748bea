package org.clusterlens.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusteringScoresTest {
    @Test
    void aRelabelledClusteringAgreesPerfectly() {
        var s = ClusteringScores.of(new int[]{5, 5, 7, 7, 9}, new int[]{0, 0, 1, 1, 2});
        assertEquals(1, s.nmi(), 1e-12);
        assertEquals(1, s.ari(), 1e-12);
        assertEquals(1, s.purity(), 1e-12);
    }

    /** Values worked out separately from the textbook formulas (mutual information over the mean entropy; Hubert and Arabie). */
    @Test
    void aSmallExampleGivesTheReferenceValues() {
        int[] clusters = {0, 0, 1, 1, 1, 2, 2, -1};
        int[] reference = {0, 0, 0, 1, 1, 1, 2, 2};
        var s = ClusteringScores.of(clusters, reference);
        assertEquals(0.5578, s.nmi(), 1e-4);
        assertEquals(0.1579, s.ari(), 1e-4);
        assertEquals(6.0 / 8, s.purity(), 1e-12, "2 + 2 + 1, and 1 for the unassigned");
        assertEquals(1.0 / 8, s.unassigned(), 1e-12);
    }
}
