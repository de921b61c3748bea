package org.clusterlens.testing;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What a server's index holds of a study, read the way its team reads it: through search. */
public final class IndexedAnswers {
    private static final int PAGE = 100;

    private IndexedAnswers() {
    }

    /** Indexed answers per response id, every page of a search for everything. */
    public static Map<Long, Integer> perResponse(Api api, long studyId) {
        Map<Long, Integer> answers = new TreeMap<>();
        for (int page = 1; ; page++) {
            var reply = api.get("api/studies/" + studyId + "/search?size=" + PAGE + "&page=" + page).asAdmin().send();
            if (reply.status() != 200) {
                throw new AssertionError("search failed: " + reply);
            }
            var hits = reply.json().getJsonArray("hits").getValuesAs(JsonObject.class);
            hits.forEach(h -> answers.merge(h.getJsonNumber("responseId").longValue(), 1, Integer::sum));
            if (hits.size() < PAGE) {
                return answers;
            }
        }
    }

    /**
     * Waits until the index holds answers of exactly these responses (it follows the database a
     * moment behind), and returns what it holds then, or at the deadline.
     */
    public static Map<Long, Integer> awaitResponses(Api api, long studyId, Set<Long> responses, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<Long, Integer> found = perResponse(api, studyId);
        while (!found.keySet().equals(responses) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = perResponse(api, studyId);
        }
        return found;
    }
}
