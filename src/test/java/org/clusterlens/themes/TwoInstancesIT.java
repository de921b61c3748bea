package org.clusterlens.themes;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.IndexedAnswers;
import org.clusterlens.testing.Interviews;
import org.clusterlens.testing.ServerProcess;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two ClusterLens instances on one PostgreSQL, each with its own index, as behind a load balancer:
 * a burst of submissions spread over both leaves both indexes holding every answer once. The
 * shared deployment is one instance; a server process of this test's, with a data directory of its
 * own, is the other. On H2 there is nothing to share: an embedded database has one server.
 */
@ClusterLensIT
class TwoInstancesIT {
    private static final int FIRMS = 60;

    @ServerUrl
    URL base;

    @Test
    void aBurstSpreadOverTwoInstancesIsInBothIndexesOnce() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("clusterlens.it.database")),
                "two instances share a database on PostgreSQL only");
        try (ServerProcess second = new ServerProcess("second-instance").start()) {
            Api first = new Api(base);
            StudyFixtures study = new StudyFixtures(first);
            StudyFixtures.Ready ready = study.study(Fixtures.uniqueId("two-instances"), "en");
            StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
            IntStream.range(0, FIRMS).forEach(i -> csv.append("T").append(i).append(",Firm ").append(i)
                    .append(",firm,food_processing,small,Thiès,,\r\n"));
            assertEquals(200, study.importActors(ready.studyId(), csv.toString()).status());
            List<String> tokens = study.inviteAll(ready, false).getValuesAs(JsonObject.class).stream()
                    .map(i -> StudyFixtures.token(i.getString("link"))).toList();
            String answers = Interviews.firmDiagnostic().toString();

            List<URL> instances = List.of(base, second.url());
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                URL instance = instances.get(i % 2);
                String token = tokens.get(i);
                replies.add(clients.submit(() -> new Api(instance).post("api/respond/" + token + "/submission",
                        "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"language\": \"en\", \"answers\": "
                                + answers + "}").send().status()));
            }
            for (Future<Integer> reply : replies) {
                assertEquals(201, reply.get());
            }
            clients.shutdown();

            Set<Long> stored = first.get(ready.wavePath() + "/responses").asAdmin().send().array()
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue())
                    .collect(Collectors.toSet());
            assertEquals(FIRMS, stored.size());
            for (URL instance : instances) {
                Map<Long, Integer> indexed = IndexedAnswers.awaitResponses(new Api(instance), ready.studyId(), stored,
                        Duration.ofSeconds(60));
                assertEquals(stored, indexed.keySet(), "every response, and only those, in " + instance);
                assertEquals(1, Set.copyOf(indexed.values()).size(), "each answer once: " + indexed);
                assertTrue(indexed.values().iterator().next() > 0);
            }
        }
    }
}
