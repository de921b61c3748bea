package org.clusterlens.responses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A change to a response that derived data (the search index) must follow, written in the same
 * transaction as the change, through {@code Outbox}. Numbers are handed out in blocks and
 * concurrent transactions commit in any order, so a reader can never take "everything after the
 * highest number seen"; rows are never deleted either, because every instance reads them all.
 * docs/themes.md says how the indexer reads each committed row exactly once.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {
    /** {@code REINDEX}: the response is unchanged, but what is derived from it must be made again. */
    public enum Kind { SUBMITTED, REOPENED, REINDEX }

    @Id
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    private Long seq;

    @Column(name = "response_id", nullable = false, updatable = false)
    private Long responseId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(Long responseId, Kind kind) {
        this.responseId = responseId;
        this.kind = kind.name().toLowerCase();
        this.createdAt = Instant.now();
    }

    public Long seq() {
        return seq;
    }

    public Long responseId() {
        return responseId;
    }

    public String kind() {
        return kind;
    }
}
