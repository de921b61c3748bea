package floorjpa;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The outbox row of a submission. */
@Entity
@Table(name = "outbox")
public class FloorOutbox {
    @Id
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    Long seq;

    // a relation, not the bare id, so that EclipseLink writes the response first without a flush
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "response_id")
    FloorResponse response;

    String kind;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected FloorOutbox() {
    }

    FloorOutbox(FloorResponse response, Instant now) {
        this.response = response;
        this.kind = "submitted";
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }
}
