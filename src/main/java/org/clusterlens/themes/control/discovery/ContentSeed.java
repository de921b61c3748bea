package org.clusterlens.themes.control.discovery;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The random numbers of discovery, seeded from the answers themselves: the same answers give the
 * same numbers on every run and every JVM. SplitMix64 is written out here because the JDK's
 * generators do not promise their sequence across versions.
 */
final class ContentSeed {
    private long state;

    private ContentSeed(long seed) {
        this.state = seed;
    }

    /** FNV-1a over the UTF-8 of every text, in content order. */
    static ContentSeed of(List<SliceAnswer> ordered) {
        long hash = 0xcbf29ce484222325L;
        for (SliceAnswer answer : ordered) {
            for (byte b : answer.text().getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;
        }
        return new ContentSeed(hash);
    }

    /** Another stream for restart {@code n}, independent of how far this one was used. */
    ContentSeed fork(int n) {
        return new ContentSeed(mix(state + 0x9e3779b97f4a7c15L * (n + 1)));
    }

    long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
