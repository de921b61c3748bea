package org.clusterlens.responses;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.IndexedAnswers;
import org.clusterlens.testing.Interviews;
import org.clusterlens.testing.OwnServerIT;
import org.clusterlens.testing.ServerProcess;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with {@code kill -9} in the middle of a burst of submissions loses none that it
 * acknowledged, and its index of free-text answers, which was following the burst, ends up holding
 * exactly the stored answers. Runs its own server process so that it can kill it.
 */
@OwnServerIT
class KillDuringSubmissionsIT {
    private static final int FIRMS = 120;
    private static final int CLIENTS = 16;

    @Test
    void everyAcknowledgedSubmissionSurvivesKillMinus9() throws Exception {
        try (ServerProcess server = new ServerProcess("kill-9").start()) {
            Api api = new Api(server.url());
            StudyFixtures study = new StudyFixtures(api);
            StudyFixtures.Ready ready = study.study(Fixtures.uniqueId("durability"), "en");
            StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
            IntStream.range(0, FIRMS).forEach(i -> csv.append("K").append(i).append(",Firm ").append(i)
                    .append(",firm,food_processing,small,Kaolack,,\r\n"));
            assertEquals(200, study.importActors(ready.studyId(), csv.toString()).status());
            List<String> tokens = study.inviteAll(ready, false).getValuesAs(JsonObject.class).stream()
                    .map(i -> StudyFixtures.token(i.getString("link"))).toList();
            String answers = Interviews.firmDiagnostic().toString();

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger attempted = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (String token : tokens) {
                clients.submit(() -> {
                    String id = UUID.randomUUID().toString();
                    attempted.incrementAndGet();
                    try {
                        var reply = new Api(server.url()).post("api/respond/" + token + "/submission",
                                "{\"submissionId\": \"" + id + "\", \"language\": \"en\", \"answers\": " + answers + "}").send();
                        if (reply.status() == 201 || reply.status() == 200) {
                            acknowledged.put(token, id);
                        }
                    } catch (UncheckedIOException e) {
                        // the server is gone: this one was never acknowledged
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < FIRMS / 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            server.kill();
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
            int acknowledgedBeforeKill = acknowledged.size();
            assertTrue(acknowledgedBeforeKill >= FIRMS / 3, "the burst got going: " + acknowledgedBeforeKill);
            assertTrue(acknowledgedBeforeKill < FIRMS, "the kill came in the middle of the burst");

            server.start();
            Api after = new Api(server.url());
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                var respondent = after.get("api/respond/" + ack.getKey()).send();
                assertEquals(200, respondent.status(), respondent::toString);
                assertEquals("submitted", respondent.json().getString("status"), ack::toString);
                assertEquals(ack.getValue(), respondent.json().getJsonObject("receipt").getString("submissionId"));
            }
            var responses = after.get(ready.wavePath() + "/responses").asAdmin().send().array();
            assertTrue(responses.size() >= acknowledgedBeforeKill, "every acknowledged response is listed");

            // the index was following the burst when the server died: it catches up by itself,
            // and holds each stored response's free-text answers once, and nothing else
            Set<Long> stored = responses.getValuesAs(JsonObject.class).stream()
                    .map(r -> r.getJsonNumber("id").longValue()).collect(Collectors.toSet());
            Map<Long, Integer> indexed = IndexedAnswers.awaitResponses(after, ready.studyId(), stored, Duration.ofSeconds(90));
            assertEquals(stored, indexed.keySet(), "the index has every stored response, and only those");
            assertEquals(1, Set.copyOf(indexed.values()).size(), "the same answers everywhere, each once: " + indexed);
            assertTrue(indexed.values().iterator().next() > 0, "the interview has free-text answers");
        }
    }
}
