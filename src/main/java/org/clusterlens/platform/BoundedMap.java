package org.clusterlens.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map that forgets its least recently used entry once it holds {@code capacity} of them, for
 * state kept per client address or per login name: a flood of new keys then costs a fixed amount of
 * memory instead of all of it. Not thread-safe: its owner synchronises.
 */
public final class BoundedMap<K, V> {
    private final LinkedHashMap<K, V> entries;

    public BoundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(K key) {
        return entries.get(key);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> create) {
        return entries.computeIfAbsent(key, create);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }
}
