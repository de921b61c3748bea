package org.clusterlens.themes.control;

import java.time.Instant;

/**
 * How the latest rebuild of this instance's index went.
 *
 * @param state {@code idle} (none since the start), {@code running}, {@code done} or {@code failed}
 * @param reason why it was started: an admin asked, or the index was missing, damaged or outdated
 * @param total submitted responses to read; {@code done}, those read so far
 */
public record RebuildProgress(String state, String reason, Instant startedAt, Instant finishedAt, long total,
                              long done, String error) {
    public static final RebuildProgress IDLE = new RebuildProgress("idle", null, null, null, 0, 0, null);

    static RebuildProgress started(String reason) {
        return new RebuildProgress("running", reason, Instant.now(), null, 0, 0, null);
    }

    public boolean running() {
        return "running".equals(state);
    }

    RebuildProgress counting(long newTotal) {
        return new RebuildProgress(state, reason, startedAt, finishedAt, newTotal, done, error);
    }

    RebuildProgress read(long moreDone) {
        return new RebuildProgress(state, reason, startedAt, finishedAt, Math.max(total, done + moreDone),
                done + moreDone, error);
    }

    RebuildProgress finished() {
        return new RebuildProgress("done", reason, startedAt, Instant.now(), total, done, null);
    }

    RebuildProgress failed(String why) {
        return new RebuildProgress("failed", reason, startedAt, Instant.now(), total, done, why);
    }
}
