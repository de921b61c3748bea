package floorjpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The response row, with the columns the server and the plain-JDBC baseline write. */
@Entity
@Table(name = "response")
public class FloorResponse {
    @Id
    @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
    Long id;

    @Column(name = "invitation_id")
    Long invitationId;
    @Column(name = "study_id")
    Long studyId;
    @Column(name = "wave_id")
    Long waveId;
    @Column(name = "actor_id")
    Long actorId;
    @Column(name = "template_version_id")
    Long templateVersionId;
    String language;
    String status;
    String answers;
    int revision;
    @Column(name = "submission_id")
    String submissionId;
    // OffsetDateTime, not Instant: EclipseLink 4.0 would write an Instant as bytes
    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    @Column(name = "row_version")
    long rowVersion;

    protected FloorResponse() {
    }

    /** What a store that writes nothing answers. */
    static FloorResponse unstored(String submissionId, String language, String answers) {
        FloorResponse r = new FloorResponse();
        r.submissionId = submissionId;
        r.language = language;
        r.answers = answers;
        r.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return r;
    }

    FloorResponse(FloorInvitation invitation, long study, long wave, long templateVersion, String language,
                  String answers, String submissionId, Instant now) {
        this.invitationId = invitation.id;
        this.studyId = study;
        this.waveId = wave;
        this.actorId = invitation.actorId;
        this.templateVersionId = templateVersion;
        this.language = language;
        this.status = "SUBMITTED";
        this.answers = answers;
        this.revision = 1;
        this.submissionId = submissionId;
        this.submittedAt = now.atOffset(ZoneOffset.UTC);
        this.createdAt = submittedAt;
        this.updatedAt = submittedAt;
    }
}
