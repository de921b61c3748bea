package org.clusterlens.themes.control;

import java.util.List;

/**
 * A response as the index holds it: who answered (type, sector, size band, pseudonym), to what,
 * and its free-text answers. A response that is not submitted (any more) has none of these: its
 * documents are removed.
 */
public record IndexedResponse(long responseId, boolean submitted, long studyId, long waveId, String templateId,
                              int templateVersion, String language, String actorType, String sector,
                              String sizeBand, long actorId, String pseudonym, List<FreeText> answers) {

    public IndexedResponse {
        answers = List.copyOf(answers);
    }

    public static IndexedResponse withdrawn(long responseId) {
        return new IndexedResponse(responseId, false, 0, 0, null, 0, null, null, null, null, 0, null, List.of());
    }
}
