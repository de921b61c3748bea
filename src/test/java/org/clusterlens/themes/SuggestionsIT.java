package org.clusterlens.themes;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.IndexedAnswers;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Themes proposed for uncoded answers from the study's hand coding, accepted and rejected in bulk. */
@ClusterLensIT
class SuggestionsIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Ten firms' main problems: five about energy, five about flour. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "F1", "Power cuts stop the ovens every day",
            "F2", "Electricity is too expensive and power cuts stop the machines",
            "F3", "The power cuts again and the generator fuel costs too much",
            "F4", "Power cuts at night spoil the dough, electricity bills are high",
            "F5", "Our electricity bills doubled and power cuts stop the mill",
            "F6", "Flour prices doubled and the flour is late",
            "F7", "The price of flour rose again, flour is scarce",
            "F8", "Imported flour costs more every month, flour prices keep rising",
            "F9", "Flour is scarce and flour prices are too high for small bakeries",
            "F10", "Flour deliveries are late and the flour prices went up");

    @ServerUrl
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private record Study(long studyId, long waveId, String agent, String lead) {
        String path() {
            return "api/studies/" + studyId;
        }

        String themes() {
            return path() + "/themes";
        }

        String suggestions() {
            return themes() + "/suggestions";
        }
    }

    private String user(String role) {
        String email = Fixtures.uniqueId(role) + "@example.org";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": "Test %s", "password": "%s", "roles": ["%s"]}
                """.formatted(email, role, PASSWORD, role)).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return email;
    }

    /** A study whose ten firms have each answered, and the keys of their main problems by firm. */
    private Study study(Map<String, String> keys) throws InterruptedException {
        String agent = user("agent");
        String templateId = Fixtures.uniqueId("open");
        String template = resource("/themes/open-answers.json").replace("\"open-answers\"", "\"" + templateId + "\"");
        assertEquals(201, api.post("api/templates", template).as(agent, PASSWORD).send().status());
        assertEquals(200, api.post("api/templates/" + templateId + "/versions/1/publication", "").as(agent, PASSWORD).send().status());
        var created = api.post("api/studies", "{\"name\": \"" + Fixtures.uniqueId("suggested")
                + "\", \"languages\": [\"en\", \"fr\"], \"k\": 2}").as(agent, PASSWORD).send();
        assertEquals(201, created.status(), created::toString);
        long studyId = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.put("api/studies/" + studyId + "/templates/firm",
                "{\"templateId\": \"" + templateId + "\", \"version\": 1}").as(agent, PASSWORD).send().status());
        var wave = api.post("api/studies/" + studyId + "/waves",
                "{\"name\": \"Baseline\", \"opensOn\": \"2020-01-01\", \"closesOn\": \"2099-12-31\"}").as(agent, PASSWORD).send();
        long waveId = wave.json().getJsonNumber("id").longValue();
        StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
        PROBLEMS.keySet().stream().sorted().forEach(f -> csv.append(f).append(",Boulangerie ").append(f)
                .append(" Ndiaye,firm,bakery,small,Thiès,,\r\n"));
        assertEquals(200, api.post("api/studies/" + studyId + "/actors/import", "")
                .bytes(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv").as(agent, PASSWORD).send().status());
        Map<Long, String> firms = new HashMap<>();
        api.get("api/studies/" + studyId + "/actors").as(agent, PASSWORD).send().array().getValuesAs(JsonObject.class)
                .forEach(a -> firms.put(a.getJsonNumber("id").longValue(), a.getString("externalId")));
        var invited = api.post("api/studies/" + studyId + "/waves/" + waveId + "/invitations", "{}").as(agent, PASSWORD).send();
        assertEquals(200, invited.status(), invited::toString);
        for (JsonObject invitation : invited.array().getValuesAs(JsonObject.class)) {
            String firm = firms.get(invitation.getJsonNumber("actorId").longValue());
            var reply = api.post("api/respond/" + StudyFixtures.token(invitation.getString("link")) + "/submission", """
                    {"submissionId": "%s", "language": "en", "answers": {"owner_name": "Owner of %s", "main_problem": %s}}"""
                    .formatted(UUID.randomUUID(), firm, Fixtures.jsonString(PROBLEMS.get(firm)))).send();
            assertEquals(201, reply.status(), reply::toString);
        }
        String lead = user("lead");
        assertEquals(201, api.post("api/studies/" + studyId + "/members", "{\"email\": \"" + lead + "\", \"role\": \"lead\"}")
                .as(agent, PASSWORD).send().status());
        Study study = new Study(studyId, waveId, agent, lead);
        Set<Long> submitted = api.get(study.path() + "/waves/" + waveId + "/responses").as(agent, PASSWORD)
                .send().array().getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
        assertEquals(PROBLEMS.size(), submitted.size());
        IndexedAnswers.awaitResponses(api, studyId, submitted, PATIENCE);
        var all = api.get(study.path() + "/search?question=main_problem&size=100").as(agent, PASSWORD).send();
        assertEquals(200, all.status(), all::toString);
        for (JsonObject hit : all.json().getJsonArray("hits").getValuesAs(JsonObject.class)) {
            String firm = PROBLEMS.entrySet().stream().filter(e -> e.getValue().equals(hit.getString("answer")))
                    .findFirst().orElseThrow().getKey();
            keys.put(firm, hit.getString("answerKey"));
        }
        assertEquals(PROBLEMS.size(), keys.size());
        return study;
    }

    private long theme(Study study, String name) {
        var reply = api.post(study.themes(), "{\"name\": \"" + name + "\"}").as(study.agent(), PASSWORD).send();
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonNumber("id").longValue();
    }

    private void codeIn(Study study, long themeId, String key) {
        var reply = api.put(study.themes() + "/" + themeId + "/answers/" + key, "").as(study.agent(), PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
    }

    private JsonObject suggestions(Study study, String as, String query) {
        var reply = api.get(study.suggestions() + "?size=100" + query).as(as, PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Every suggestion of the page as "answerKey themeId" with its confidence. */
    private static Map<String, Double> pairs(JsonObject page) {
        Map<String, Double> pairs = new HashMap<>();
        for (JsonObject answer : page.getJsonArray("answers").getValuesAs(JsonObject.class)) {
            String key = answer.getJsonObject("hit").getString("answerKey");
            answer.getJsonArray("suggestions").getValuesAs(JsonObject.class).forEach(s ->
                    pairs.put(key + " " + s.getJsonNumber("themeId").longValue(), s.getJsonNumber("confidence").doubleValue()));
        }
        return pairs;
    }

    @Test
    void handCodingTeachesSuggestionsThatAreAcceptedAndRejectedInBulk() throws InterruptedException {
        Map<String, String> keys = new HashMap<>();
        Study study = study(keys);
        long energy = theme(study, "Energy");
        long flour = theme(study, "Flour");
        long staff = theme(study, "Staff");
        for (String firm : List.of("F1", "F2", "F3")) {
            codeIn(study, energy, keys.get(firm));
        }
        for (String firm : List.of("F6", "F7", "F8")) {
            codeIn(study, flour, keys.get(firm));
        }
        codeIn(study, staff, keys.get("F9"));

        JsonObject page = suggestions(study, study.agent(), "&minConfidence=0");
        assertEquals(7, page.getInt("learntFrom"), page::toString);
        assertEquals(Set.of(staff), page.getJsonArray("tooFewExamples").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getJsonNumber("themeId").longValue()).collect(Collectors.toSet()), page::toString);
        assertEquals(1, page.getJsonArray("tooFewExamples").getJsonObject(0).getInt("examples"));
        Map<String, Double> pairs = pairs(page);
        pairs.values().forEach(c -> assertTrue(c >= 0 && c <= 1, page::toString));
        for (String firm : List.of("F4", "F5", "F9", "F10")) {
            assertTrue(pairs.containsKey(keys.get(firm) + " " + energy), () -> firm + " " + page);
            assertTrue(pairs.containsKey(keys.get(firm) + " " + flour), () -> firm + " " + page);
        }
        assertFalse(pairs.containsKey(keys.get("F1") + " " + energy), "coded into it already");
        assertFalse(pairs.containsKey(keys.get("F6") + " " + flour), "coded into it already");
        assertTrue(pairs.get(keys.get("F4") + " " + energy) > pairs.get(keys.get("F4") + " " + flour), page::toString);
        assertTrue(pairs.get(keys.get("F10") + " " + flour) > pairs.get(keys.get("F10") + " " + energy), page::toString);
        List<Double> tops = page.getJsonArray("answers").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonArray("suggestions").getJsonObject(0).getJsonNumber("confidence").doubleValue()).toList();
        for (int i = 1; i < tops.size(); i++) {
            assertTrue(tops.get(i - 1) >= tops.get(i), "most confident first: " + tops);
        }
        JsonObject onlyFlour = suggestions(study, study.agent(), "&theme=" + flour);
        assertTrue(pairs(onlyFlour).keySet().stream().allMatch(p -> p.endsWith(" " + flour)), onlyFlour::toString);

        var decided = api.post(study.suggestions() + "/decisions", """
                {"decisions": [{"answerKey": "%s", "themeId": %d, "accept": true},
                               {"answerKey": "%s", "themeId": %d, "accept": false}]}"""
                .formatted(keys.get("F4"), energy, keys.get("F10"), energy)).as(study.lead(), PASSWORD).send();
        assertEquals(200, decided.status(), decided::toString);
        assertEquals(1, decided.json().getInt("accepted"));
        assertEquals(1, decided.json().getInt("rejected"));

        JsonObject after = suggestions(study, study.agent(), "");
        Map<String, Double> left = pairs(after);
        assertFalse(left.containsKey(keys.get("F4") + " " + energy), after::toString);
        assertFalse(left.containsKey(keys.get("F10") + " " + energy), after::toString);
        assertTrue(left.containsKey(keys.get("F5") + " " + energy), after::toString);
        assertEquals(9, after.getInt("learntFrom"), "the decisions are hand codes it learns from");
        Set<String> inEnergy = api.get(study.themes() + "/" + energy + "/answers").as(study.agent(), PASSWORD).send()
                .json().getJsonArray("hits").getValuesAs(JsonObject.class).stream().map(h -> h.getString("answerKey"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(keys.get("F1"), keys.get("F2"), keys.get("F3"), keys.get("F4")), inEnergy);
        String audit = api.get("api/audit?subjectType=theme-suggestions&subjectId=" + study.studyId()).asAdmin().send().body();
        assertTrue(audit.contains("1 suggestion(s) accepted and 1 rejected"), audit);
    }

    @Test
    void decisionsAreAllOrNothingAndBadParametersAreNamed() throws InterruptedException {
        Map<String, String> keys = new HashMap<>();
        Study study = study(keys);
        long energy = theme(study, "Energy");
        var refused = api.post(study.suggestions() + "/decisions", """
                {"decisions": [{"answerKey": "%s", "themeId": %d, "accept": true},
                               {"answerKey": "999999999.main_problem", "themeId": %d, "accept": true}]}"""
                .formatted(keys.get("F1"), energy, energy)).as(study.agent(), PASSWORD).send();
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("/decisions/1/answerKey", field(refused));
        assertEquals(0, api.get(study.themes() + "/" + energy + "/answers").as(study.agent(), PASSWORD).send()
                .json().getJsonNumber("total").longValue(), "nothing was applied");

        Map<String, String> badBodies = Map.of(
                "{}", "/decisions",
                "{\"decisions\": []}", "/decisions",
                "{\"decisions\": [{\"answerKey\": \"nope\", \"themeId\": 1, \"accept\": true}]}", "/decisions/0/answerKey",
                "{\"decisions\": [{\"answerKey\": \"1.main_problem\", \"themeId\": \"x\", \"accept\": true}]}", "/decisions/0/themeId",
                "{\"decisions\": [{\"answerKey\": \"1.main_problem\", \"themeId\": 1, \"accept\": \"yes\"}]}", "/decisions/0/accept",
                "{\"decisions\": [{\"answerKey\": \"1.main_problem\", \"themeId\": 999999999, \"accept\": true}]}", "/decisions/0/themeId");
        badBodies.forEach((body, expected) -> {
            var reply = api.post(study.suggestions() + "/decisions", body).as(study.agent(), PASSWORD).send();
            assertEquals(400, reply.status(), reply::toString);
            assertEquals(expected, field(reply), reply::toString);
        });
        String many = "{\"decisions\": [" + String.join(",", java.util.Collections.nCopies(501,
                "{\"answerKey\": \"" + keys.get("F1") + "\", \"themeId\": " + energy + ", \"accept\": true}")) + "]}";
        var tooMany = api.post(study.suggestions() + "/decisions", many).as(study.agent(), PASSWORD).send();
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertEquals("/decisions", field(tooMany));

        Map<String, String> badQueries = Map.of("minConfidence=2", "minConfidence", "minConfidence=x", "minConfidence",
                "theme=abc", "theme", "theme=999999999", "theme", "page=0", "page", "size=101", "size");
        badQueries.forEach((query, expected) -> {
            var reply = api.get(study.suggestions() + "?" + query).as(study.agent(), PASSWORD).send();
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.contentType().contains("problem+json"), reply::toString);
            assertEquals(expected, field(reply), reply::toString);
        });
    }

    @Test
    void leadsSeePseudonymsAndOutsidersFindNoSuggestions() throws InterruptedException {
        Map<String, String> keys = new HashMap<>();
        Study study = study(keys);
        long energy = theme(study, "Energy");
        long flour = theme(study, "Flour");
        for (String firm : List.of("F1", "F2", "F3")) {
            codeIn(study, energy, keys.get(firm));
        }
        for (String firm : List.of("F6", "F7", "F8")) {
            codeIn(study, flour, keys.get(firm));
        }
        JsonObject asLead = suggestions(study, study.lead(), "");
        assertFalse(asLead.getJsonArray("answers").isEmpty(), asLead::toString);
        for (JsonObject answer : asLead.getJsonArray("answers").getValuesAs(JsonObject.class)) {
            JsonObject hit = answer.getJsonObject("hit");
            assertTrue(hit.getString("pseudonym").startsWith("P-"), hit::toString);
            assertFalse(hit.containsKey("actorName"), hit::toString);
            assertFalse(hit.containsKey("actorId"), hit::toString);
            assertEquals("main_problem", hit.getString("question"), "the owner's name is personal: not for leads");
        }
        assertFalse(asLead.toString().contains("Ndiaye"), asLead::toString);
        JsonObject asAgent = suggestions(study, study.agent(), "");
        assertTrue(asAgent.toString().contains("Ndiaye"), "agents see who answered");

        String outsider = user("agent");
        for (var call : List.of(api.get(study.suggestions()), api.post(study.suggestions() + "/decisions",
                "{\"decisions\": [{\"answerKey\": \"" + keys.get("F4") + "\", \"themeId\": " + energy + ", \"accept\": true}]}"))) {
            var refused = call.as(outsider, PASSWORD).send();
            assertEquals(404, refused.status(), refused::toString);
        }
    }

    private static String field(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static String resource(String name) {
        try (InputStream in = SuggestionsIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
