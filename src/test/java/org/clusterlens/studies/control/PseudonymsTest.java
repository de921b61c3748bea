package org.clusterlens.studies.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymsTest {

    @Test
    void theSameActorKeepsItsPseudonymUnderTheSameKey() {
        String key = Pseudonyms.newKey();
        assertEquals(new Pseudonyms(key).of(1234), new Pseudonyms(key).of(1234));
    }

    @Test
    void pseudonymsOfTwoStudiesCannotBeMatched() {
        Pseudonyms one = new Pseudonyms(Pseudonyms.newKey());
        Pseudonyms other = new Pseudonyms(Pseudonyms.newKey());
        long same = LongStream.range(0, 1000).filter(id -> one.of(id).equals(other.of(id))).count();
        assertEquals(0, same);
    }

    @Test
    void pseudonymsAreShortUnambiguousAndDistinctAcrossALargeCluster() {
        Pseudonyms pseudonyms = new Pseudonyms(Pseudonyms.newKey());
        Set<String> seen = new HashSet<>();
        for (long id = 0; id < 10_000; id++) {
            String p = pseudonyms.of(id);
            assertTrue(p.matches("P-[0-9A-HJKMNP-TV-Z]{8}"), p);
            seen.add(p);
        }
        assertEquals(10_000, seen.size());
        assertNotEquals(pseudonyms.of(1), pseudonyms.of(2));
    }
}
