package org.clusterlens.exports.control;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * A submitted response as an export reads it, with the answers already as the viewer may see
 * them and the actor's pseudonym; the identity fields are null for a viewer who may not see them.
 */
public record ExportedResponse(long id, String pseudonym, String externalId, String actorName, String actorType,
                               Instant submittedAt, String language, ExportLayout.Version version,
                               JsonObject answers) {
}
