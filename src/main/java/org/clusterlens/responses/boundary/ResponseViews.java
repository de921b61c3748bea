package org.clusterlens.responses.boundary;

import jakarta.json.JsonObject;
import org.clusterlens.responses.control.Respondents;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.entity.Actor;

import java.time.Instant;

/** The wire shapes of responses as the study team reads them. */
public final class ResponseViews {
    private ResponseViews() {
    }

    public record ResponseSummary(long id, long actorId, String actorExternalId, String actorName, String actorType,
                                  Instant submittedAt, String language, String templateId, int templateVersion) {
        public static ResponseSummary of(Response r) {
            Actor a = r.invitation().actor();
            return new ResponseSummary(r.id(), a.id(), a.externalId(), a.name(), a.type().name(), r.submittedAt(),
                    r.language(), r.templateVersion().templateId(), r.templateVersion().versionNumber());
        }
    }

    public record ResponseDetail(long id, long studyId, long waveId, long invitationId, long actorId,
                                 String actorExternalId, String actorName, String actorType, String status,
                                 String language, String submissionId, Instant submittedAt, int revision,
                                 String templateId, int templateVersion, JsonObject answers) {
        public static ResponseDetail of(Response r) {
            Actor a = r.invitation().actor();
            return new ResponseDetail(r.id(), r.studyId(), r.waveId(), r.invitation().id(), a.id(), a.externalId(),
                    a.name(), a.type().name(), r.status().name().toLowerCase(), r.language(),
                    r.isSubmitted() ? r.submissionId() : null, r.submittedAt(), r.revision(),
                    r.templateVersion().templateId(), r.templateVersion().versionNumber(), Respondents.answersOf(r));
        }
    }
}
