package org.clusterlens.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedMapTest {
    @Test
    void holdsAtMostItsCapacityAndForgetsTheLeastRecentlyUsedFirst() {
        BoundedMap<String, Integer> map = new BoundedMap<>(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        assertEquals(1, map.get("a"), "reading a refreshes it");
        map.put("d", 4);
        assertEquals(3, map.size());
        assertNull(map.get("b"), "b was the least recently used");
        assertEquals(1, map.get("a"));
        assertEquals(5, map.computeIfAbsent("e", k -> 5));
        assertEquals(3, map.size());
    }
}
