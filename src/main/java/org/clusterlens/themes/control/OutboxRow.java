package org.clusterlens.themes.control;

/** One committed outbox row: where it stands, and the response whose derived data must follow. */
public record OutboxRow(OutboxPosition position, long responseId) {
}
