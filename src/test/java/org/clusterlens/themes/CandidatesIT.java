package org.clusterlens.themes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.IndexedAnswers;
import org.clusterlens.testing.Interviews;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidate themes of a study's answers as its team asks for them, from the index the server keeps. */
@ClusterLensIT
class CandidatesIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final String QUESTION = "sourcing_difficulties";
    /** What twelve bakeries wrote about sourcing: two concerns, each in words of its own. */
    private static final List<String> POWER = List.of("Power cuts stop the ovens every afternoon",
            "The power cuts spoil the dough", "Power cuts again, the generator is broken",
            "Long power cuts and no generator", "Power cuts twice a day stop the mixer",
            "Every power cut stops the ovens");
    private static final List<String> FLOUR = List.of("Flour prices doubled this year",
            "The flour price keeps rising at the mill", "Imported flour prices are too high",
            "Flour prices change every week", "The mill raised flour prices again",
            "High flour prices eat the margin");

    @ServerUrl
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private String user(String role) {
        String email = Fixtures.uniqueId(role) + "@example.org";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": "Test %s", "password": "%s", "roles": ["%s"]}
                """.formatted(email, role, PASSWORD, role)).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return email;
    }

    private record Study(StudyFixtures.Ready ready, String agent, String lead, Set<String> firmNames) {
        String candidates(String query) {
            return "api/studies/" + ready.studyId() + "/themes/candidates" + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /** Twelve bakeries, each with its firm's name (a personal answer) and its sourcing difficulty, all indexed. */
    private Study answered() throws InterruptedException {
        StudyFixtures fixtures = new StudyFixtures(api);
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("candidates"), "en");
        List<String> texts = new java.util.ArrayList<>(POWER);
        texts.addAll(FLOUR);
        StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
        for (int i = 0; i < texts.size(); i++) {
            csv.append("B").append(i).append(",Boulangerie Ndiaye ").append(i).append(",firm,bakery,small,Thiès,,\r\n");
        }
        assertEquals(200, fixtures.importActors(ready.studyId(), csv.toString()).status());
        Set<String> names = new HashSet<>();
        List<JsonObject> invitations = fixtures.inviteAll(ready, false).getValuesAs(JsonObject.class);
        Map<Long, String> external = fixtures.actors(ready.studyId()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        for (JsonObject invitation : invitations) {
            int firm = Integer.parseInt(external.get(invitation.getJsonNumber("actorId").longValue()).substring(1));
            String name = "Boulangerie Ndiaye " + firm;
            names.add(name);
            JsonObject answers = Json.createObjectBuilder(Interviews.firmDiagnostic()).add("firm_name", name)
                    .add(QUESTION, texts.get(firm)).build();
            var reply = api.post("api/respond/" + StudyFixtures.token(invitation.getString("link")) + "/submission",
                    "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"language\": \"en\", \"answers\": " + answers + "}")
                    .send();
            assertEquals(201, reply.status(), reply::toString);
        }
        Set<Long> responses = api.get(ready.wavePath() + "/responses").asAdmin().send().array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue()).collect(Collectors.toSet());
        assertEquals(texts.size(), responses.size());
        assertEquals(responses, IndexedAnswers.awaitResponses(api, ready.studyId(), responses, Duration.ofSeconds(60)).keySet());

        String agent = user("agent");
        String lead = user("lead");
        for (String[] member : new String[][]{{agent, "agent"}, {lead, "lead"}}) {
            var added = api.post("api/studies/" + ready.studyId() + "/members",
                    "{\"email\": \"" + member[0] + "\", \"role\": \"" + member[1] + "\"}").asAdmin().send();
            assertEquals(201, added.status(), added::toString);
        }
        return new Study(ready, agent, lead, names);
    }

    private static List<JsonObject> themes(JsonObject candidates) {
        return candidates.getJsonArray("themes").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> quotes(JsonObject theme) {
        return theme.getJsonArray("quotes").getValuesAs(JsonObject.class);
    }

    @Test
    void aMemberGetsThemesThatHoldEveryAnswerOfTheSliceAndKeepTheConcernsApart() throws InterruptedException {
        Study study = answered();
        var reply = api.get(study.candidates("question=" + QUESTION + "&wave=" + study.ready().waveId()))
                .as(study.agent(), PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        JsonObject candidates = reply.json();
        assertEquals(12, candidates.getInt("answers"));
        assertEquals(0, candidates.getInt("unassigned"), "every answer shares a word with another");
        assertEquals("G2", candidates.getString("statistic"));
        assertEquals(QUESTION, candidates.getJsonObject("slice").getString("question"));
        assertEquals(12, themes(candidates).stream().mapToInt(t -> t.getInt("size")).sum());
        assertTrue(themes(candidates).size() >= 2, candidates::toString);

        for (JsonObject theme : themes(candidates)) {
            List<String> quoted = quotes(theme).stream().map(q -> q.getString("answer")).toList();
            assertTrue(quoted.size() >= 2, theme::toString);
            boolean power = POWER.containsAll(quoted);
            assertTrue(power || FLOUR.containsAll(quoted), "one concern per theme, quoted as typed: " + quoted);
            String label = theme.getString("label").toLowerCase();
            assertTrue(power ? label.contains("power") : label.contains("flour"), theme::toString);
            JsonObject top = theme.getJsonArray("phrases").getJsonObject(0);
            assertTrue(top.getInt("inTheme") >= 2 && top.getJsonNumber("g2").doubleValue() > 0, top::toString);
            assertTrue(top.getInt("inBackground") >= 0);
            for (JsonObject quote : quotes(theme)) {
                assertEquals(QUESTION, quote.getString("question"));
                assertTrue(study.firmNames().contains(quote.getString("actorName")), "agents see who wrote it: " + quote);
            }
        }
    }

    @Test
    void leadsSeePseudonymsAndNoNamesAndOutsidersSeeNothing() throws InterruptedException {
        Study study = answered();
        JsonObject asAgent = api.get(study.candidates("")).as(study.agent(), PASSWORD).send().json();
        var reply = api.get(study.candidates("")).as(study.lead(), PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        JsonObject asLead = reply.json();
        assertEquals(asAgent.getInt("answers") - 12, asLead.getInt("answers"), "the firms' names are personal answers");
        for (JsonObject theme : themes(asLead)) {
            for (JsonObject quote : quotes(theme)) {
                assertTrue(quote.getString("pseudonym").startsWith("P-"), quote::toString);
                assertFalse(quote.containsKey("actorName"), quote::toString);
                assertFalse(quote.containsKey("actorId"), quote::toString);
            }
            assertFalse(theme.toString().contains("Boulangerie Ndiaye"), theme::toString);
        }

        String outsider = user("agent");
        var refused = api.get(study.candidates("")).as(outsider, PASSWORD).send();
        assertEquals(404, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        StudyFixtures.Ready ready = new StudyFixtures(api).study(Fixtures.uniqueId("candidates"), "en");
        String agent = user("agent");
        assertEquals(201, api.post("api/studies/" + ready.studyId() + "/members",
                "{\"email\": \"" + agent + "\", \"role\": \"agent\"}").asAdmin().send().status());
        Map<String, String> bad = Map.of("wave=99999999", "wave", "wave=first", "wave", "actorType=bank", "actorType",
                "question=no%20such", "question", "background=everything", "background");
        bad.forEach((query, field) -> {
            var reply = api.get("api/studies/" + ready.studyId() + "/themes/candidates?" + query).as(agent, PASSWORD).send();
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        });
        var empty = api.get("api/studies/" + ready.studyId() + "/themes/candidates").as(agent, PASSWORD).send();
        assertEquals(200, empty.status(), empty::toString);
        assertEquals(0, empty.json().getInt("answers"));
        assertEquals(0, themes(empty.json()).size());
    }
}
