package floorjpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.ZoneOffset;

/** The invitation columns a submission reads and writes. */
@Entity
@Table(name = "invitation")
@NamedQuery(name = FloorInvitation.BY_TOKEN_FOR_UPDATE, query = "SELECT i FROM FloorInvitation i WHERE i.tokenHash = :hash",
        hints = @QueryHint(name = "eclipselink.pessimistic-lock", value = "Lock"))
public class FloorInvitation {
    static final String BY_TOKEN_FOR_UPDATE = "FloorInvitation.byTokenForUpdate";

    @Id
    Long id;

    @Column(name = "actor_id", insertable = false, updatable = false)
    Long actorId;

    @Column(name = "token_hash", insertable = false, updatable = false)
    String tokenHash;

    String status;

    @Column(name = "opened_at")
    OffsetDateTime openedAt;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    void submitted(Instant now) {
        status = "SUBMITTED";
        if (openedAt == null) {
            openedAt = now.atOffset(ZoneOffset.UTC);
        }
    }
}
