package org.clusterlens.responses.boundary;

import jakarta.json.JsonObject;
import org.clusterlens.responses.control.AnswerDisclosure;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;

import java.time.Instant;

/**
 * The wire shapes of responses as the study team reads them. Every response carries the actor's
 * pseudonym; who the actor is ({@code actorId}, {@code actorExternalId}, {@code actorName}) only
 * for viewers who see identities, null for the others.
 */
public final class ResponseViews {
    private ResponseViews() {
    }

    public record ResponseSummary(long id, Long actorId, String actorExternalId, String actorName, String actorType,
                                  String pseudonym, Instant submittedAt, String language, String templateId,
                                  int templateVersion) {
        public static ResponseSummary of(Response r, Viewer viewer) {
            Actor a = r.invitation().actor();
            boolean named = viewer.identified();
            return new ResponseSummary(r.id(), named ? a.id() : null, named ? a.externalId() : null,
                    named ? a.name() : null, a.type().name(), viewer.pseudonym(a), r.submittedAt(),
                    r.language(), r.templateVersion().templateId(), r.templateVersion().versionNumber());
        }
    }

    /** {@code invitationId} is fieldwork, so it too is left out for viewers who do not see identities. */
    public record ResponseDetail(long id, long studyId, long waveId, Long invitationId, Long actorId,
                                 String actorExternalId, String actorName, String actorType, String pseudonym,
                                 String status, String language, String submissionId, Instant submittedAt,
                                 int revision, String templateId, int templateVersion, JsonObject answers) {
        public static ResponseDetail of(Response r, Viewer viewer) {
            Actor a = r.invitation().actor();
            boolean named = viewer.identified();
            return new ResponseDetail(r.id(), r.studyId(), r.waveId(), named ? r.invitation().id() : null,
                    named ? a.id() : null, named ? a.externalId() : null, named ? a.name() : null,
                    a.type().name(), viewer.pseudonym(a), r.status().name().toLowerCase(), r.language(),
                    r.isSubmitted() && named ? r.submissionId() : null, r.submittedAt(), r.revision(),
                    r.templateVersion().templateId(), r.templateVersion().versionNumber(),
                    new AnswerDisclosure(viewer).answers(r));
        }
    }
}
