package org.clusterlens.themes;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searching a study's free-text answers as its team does, against the index the server keeps. */
@ClusterLensIT
class ThemesIT {
    private static final String PASSWORD = "a long enough password ✓";

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

    /** A study run by its own agent, with the open-answers questionnaire and three firms invited. */
    private record Study(long studyId, long waveId, String agent, Map<String, String> tokens, Map<String, Long> actors) {
        String path() {
            return "api/studies/" + studyId;
        }
    }

    private Study study() {
        String agent = user("agent");
        String templateId = Fixtures.uniqueId("open");
        String template = resource("/themes/open-answers.json").replace("\"open-answers\"", "\"" + templateId + "\"");
        assertEquals(201, api.post("api/templates", template).as(agent, PASSWORD).send().status());
        var published = api.post("api/templates/" + templateId + "/versions/1/publication", "").as(agent, PASSWORD).send();
        assertEquals(200, published.status(), published::toString);
        var created = api.post("api/studies", "{\"name\": \"" + Fixtures.uniqueId("bakeries") + "\", \"languages\": [\"en\", \"fr\"]}")
                .as(agent, PASSWORD).send();
        assertEquals(201, created.status(), created::toString);
        long studyId = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.put("api/studies/" + studyId + "/templates/firm",
                "{\"templateId\": \"" + templateId + "\", \"version\": 1}").as(agent, PASSWORD).send().status());
        var wave = api.post("api/studies/" + studyId + "/waves",
                "{\"name\": \"Baseline\", \"opensOn\": \"2020-01-01\", \"closesOn\": \"2099-12-31\"}").as(agent, PASSWORD).send();
        long waveId = wave.json().getJsonNumber("id").longValue();
        String csv = StudyFixtures.HEADER
                + "F1,Boulangerie Ndiaye,firm,bakery,small,Thiès,,\r\n"
                + "F2,Moulin Sarr,firm,milling,micro,Thiès,,\r\n"
                + "F3,Atelier Ba,firm,bakery,medium,Thiès,,\r\n";
        var imported = api.post("api/studies/" + studyId + "/actors/import", "")
                .bytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv").as(agent, PASSWORD).send();
        assertEquals(200, imported.status(), imported::toString);
        Map<String, Long> actors = new HashMap<>();
        api.get("api/studies/" + studyId + "/actors").as(agent, PASSWORD).send().array().getValuesAs(JsonObject.class)
                .forEach(a -> actors.put(a.getString("externalId"), a.getJsonNumber("id").longValue()));
        var invited = api.post("api/studies/" + studyId + "/waves/" + waveId + "/invitations", "{}").as(agent, PASSWORD).send();
        assertEquals(200, invited.status(), invited::toString);
        Map<String, String> tokens = new HashMap<>();
        for (JsonObject invitation : invited.array().getValuesAs(JsonObject.class)) {
            long actorId = invitation.getJsonNumber("actorId").longValue();
            String external = actors.entrySet().stream().filter(e -> e.getValue() == actorId).findFirst().orElseThrow().getKey();
            tokens.put(external, StudyFixtures.token(invitation.getString("link")));
        }
        return new Study(studyId, waveId, agent, tokens, actors);
    }

    private void submit(Study study, String firm, String language, String answers) {
        var reply = api.post("api/respond/" + study.tokens().get(firm) + "/submission", """
                {"submissionId": "%s", "language": "%s", "answers": %s}""".formatted(UUID.randomUUID(), language, answers)).send();
        assertEquals(201, reply.status(), reply::toString);
    }

    /** Three firms' answers: English and French, with "other" texts and repeats in repeats. */
    private Study answered() {
        Study study = study();
        submit(study, "F1", "en", """
                {"owner_name": "Awa Ndiaye", "main_problem": "Flour prices doubled and <script>alert(1)</script> the power cuts",
                 "channel": "other", "channel_other": "Sold from a bicycle",
                 "sites": [{"site_problem": "Power cuts stop the ovens",
                            "machines": [{"machine_issue": "The oven burns the flour", "machine_source": ["other"],
                                          "machine_source_other": "Bought from a cousin"}]}]}""");
        submit(study, "F2", "fr", """
                {"owner_name": "Moussa Sarr", "main_problem": "Les coupures de courant arrêtent le moulin",
                 "joint_idea": "Acheter la farine ensemble"}""");
        submit(study, "F3", "en", """
                {"main_problem": "Finding skilled bakers", "joint_idea": "A shared flour store"}""");
        return study;
    }

    private Api.Reply search(Study study, String query, String as) {
        return api.get(study.path() + "/search?" + query).as(as, PASSWORD).send();
    }

    /** Indexing follows the submission within moments; waits for the search to show it. */
    private JsonObject awaitSearch(Study study, String query, String as, Predicate<JsonObject> until) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            var reply = search(study, query, as);
            assertEquals(200, reply.status(), reply::toString);
            if (until.test(reply.json())) {
                return reply.json();
            }
            assertTrue(System.nanoTime() < deadline, "still " + reply.body());
            Thread.sleep(100);
        }
    }

    private static Predicate<JsonObject> total(int expected) {
        return page -> page.getJsonNumber("total").longValue() == expected;
    }

    private static String q(String query) {
        return "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> counts(JsonObject page, String dimension) {
        Map<String, Integer> counts = new HashMap<>();
        page.getJsonObject("facets").getJsonArray(dimension).getValuesAs(JsonObject.class)
                .forEach(c -> counts.put(c.getString("value"), c.getInt("count")));
        return counts;
    }

    @Test
    void submittedAnswersAreFoundInTheirLanguageWithMarkedSnippetsAndCounts() throws InterruptedException {
        Study study = answered();
        JsonObject flour = awaitSearch(study, q("flour"), study.agent(), total(3));
        Map<String, Integer> questions = counts(flour, "question");
        assertEquals(Map.of("main_problem", 1, "machine_issue", 1, "joint_idea", 1), questions,
                "the French 'farine' is another word; the English flour answers, in repeats too");
        assertEquals(Map.of("bakery", 3), counts(flour, "sector"));
        assertEquals(Map.of("firm", 3), counts(flour, "actorType"));
        assertEquals(Map.of(String.valueOf(study.waveId()), 3), counts(flour, "wave"));

        JsonObject mainProblem = flour.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("question").equals("main_problem")).findFirst().orElseThrow();
        assertEquals("Flour prices doubled and <script>alert(1)</script> the power cuts", mainProblem.getString("answer"));
        JsonObject snippet = mainProblem.getJsonObject("snippet");
        assertTrue(snippet.getString("html").startsWith("<mark>Flour</mark> prices doubled and &lt;script&gt;"),
                snippet.getString("html"));
        JsonObject mark = snippet.getJsonArray("highlights").getJsonObject(0);
        assertEquals("Flour", snippet.getString("text").substring(mark.getInt("start"), mark.getInt("end")));
        assertEquals("Boulangerie Ndiaye", mainProblem.getString("actorName"), "agents see who answered");

        JsonObject courant = awaitSearch(study, q("coupure"), study.agent(), total(1));
        assertEquals("fr", courant.getJsonArray("hits").getJsonObject(0).getString("language"));

        JsonObject repeat = awaitSearch(study, q("cousin") + "&question=machine_source", study.agent(), total(1))
                .getJsonArray("hits").getJsonObject(0);
        assertEquals("other", repeat.getString("kind"));
        assertEquals("/sites/0/machines/0/machine_source_other", repeat.getString("pointer"));
        assertEquals("sites/machines", repeat.getString("repeat"));

        JsonObject power = awaitSearch(study, q("power") + "&sector=bakery&wave=" + study.waveId() + "&actorType=firm&size=1",
                study.agent(), total(2));
        assertEquals(1, power.getJsonArray("hits").size());
        JsonObject secondPage = search(study, q("power") + "&size=1&page=2", study.agent()).json();
        assertEquals(2, secondPage.getJsonNumber("total").longValue());
        assertTrue(!power.getJsonArray("hits").getJsonObject(0).equals(secondPage.getJsonArray("hits").getJsonObject(0)));
        assertEquals(0, search(study, q("power") + "&sector=milling", study.agent()).json().getJsonNumber("total").longValue());

        JsonObject everything = search(study, "", study.agent()).json();
        assertEquals(11, everything.getJsonNumber("total").longValue(), "without q every free-text answer counts");
    }

    @Test
    void badParametersAreProblemsNamingTheParameterAndASyntaxErrorItsPosition() {
        Study study = study();
        var syntax = search(study, q("energy AND ) cost"), study.agent());
        assertEquals(400, syntax.status(), syntax::toString);
        assertTrue(syntax.contentType().startsWith("application/problem+json"), syntax::toString);
        JsonObject error = syntax.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("q", error.getString("field"));
        assertEquals(11, error.getInt("position"));
        assertTrue(error.getString("message").contains("position 11"), error.toString());

        Map<String, String> bad = Map.of("actorType=bank", "actorType", "wave=99999999", "wave", "wave=first", "wave",
                "page=0", "page", "size=101", "size", "page=500&size=100", "page", "theme=7", "theme",
                "question=no%20such", "question");
        bad.forEach((query, field) -> {
            var reply = search(study, query, study.agent());
            assertEquals(400, reply.status(), reply::toString);
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        });
    }

    @Test
    void leadsSeePseudonymsAndNoAnswerToAPersonalQuestionOutsidersSeeNothing() throws InterruptedException {
        Study study = answered();
        String lead = user("lead");
        assertEquals(201, api.post(study.path() + "/members", "{\"email\": \"" + lead + "\", \"role\": \"lead\"}")
                .as(study.agent(), PASSWORD).send().status());
        awaitSearch(study, q("Ndiaye OR Sarr"), study.agent(), total(2));

        JsonObject asLead = search(study, q("Ndiaye OR Sarr OR flour"), lead).json();
        assertEquals(3, asLead.getJsonNumber("total").longValue(), "the owners' names are personal: not for leads");
        for (JsonObject hit : asLead.getJsonArray("hits").getValuesAs(JsonObject.class)) {
            assertTrue(hit.getString("pseudonym").startsWith("P-"), hit::toString);
            assertFalse(hit.containsKey("actorName"), hit::toString);
            assertFalse(hit.containsKey("actorId"), hit::toString);
            assertFalse(hit.getString("answer").contains("Ndiaye"), hit::toString);
        }
        assertFalse(counts(asLead, "question").containsKey("owner_name"));

        var shown = api.put(study.path() + "/settings", "{\"leadsSeeIdentities\": true}").as(study.agent(), PASSWORD).send();
        assertEquals(200, shown.status(), shown::toString);
        JsonObject identified = search(study, q("Ndiaye"), lead).json();
        assertEquals(1, identified.getJsonNumber("total").longValue(), "a study that shows leads identities shows them all");
        assertEquals("Boulangerie Ndiaye", identified.getJsonArray("hits").getJsonObject(0).getString("actorName"));

        String outsider = user("agent");
        var refused = search(study, q("flour"), outsider);
        assertEquals(404, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(404, api.get(study.path() + "/themes/stopwords").as(outsider, PASSWORD).send().status());
        assertEquals(403, api.get(study.path() + "/themes/stopwords").as(lead, PASSWORD).send().status(),
                "stop words are the agents' to keep");
    }

    @Test
    void aReopenedAndResubmittedResponseReplacesItsAnswersInTheIndex() throws InterruptedException {
        Study study = answered();
        awaitSearch(study, q("bicycle"), study.agent(), total(1));
        long responseId = api.get(study.path() + "/waves/" + study.waveId() + "/responses").as(study.agent(), PASSWORD)
                .send().array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("actorId").longValue() == study.actors().get("F1")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        var reopened = api.post("api/responses/" + responseId + "/reopening", "").as(study.agent(), PASSWORD).send();
        assertEquals(200, reopened.status(), reopened::toString);
        awaitSearch(study, q("bicycle"), study.agent(), total(0));

        submit(study, "F1", "en", "{\"main_problem\": \"Water shortages\", \"channel\": \"other\", \"channel_other\": \"Sold by a tricycle\"}");
        awaitSearch(study, q("tricycle"), study.agent(), total(1));
        assertEquals(0, search(study, q("bicycle OR ovens"), study.agent()).json().getJsonNumber("total").longValue());
        assertEquals(2, search(study, "question=main_problem&q=" + URLEncoder.encode("water OR coupures", StandardCharsets.UTF_8),
                study.agent()).json().getJsonNumber("total").longValue());
    }

    @Test
    void agentsKeepStopWordsThatLeaveWordsOutOfTheStudysIndex() throws InterruptedException {
        Study study = answered();
        awaitSearch(study, q("flour"), study.agent(), total(3));
        JsonObject none = api.get(study.path() + "/themes/stopwords").as(study.agent(), PASSWORD).send().json();
        assertEquals(0, none.getInt("revision"));
        assertEquals(0, none.getJsonArray("words").size());

        var saved = api.put(study.path() + "/themes/stopwords", "{\"words\": [\"Flour\", \" flour \", \"cuts\"], \"revision\": 0}")
                .as(study.agent(), PASSWORD).send();
        assertEquals(200, saved.status(), saved::toString);
        assertEquals(List.of("cuts", "flour"), saved.json().getJsonArray("words").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        awaitSearch(study, q("flour"), study.agent(), total(0));
        assertEquals(1, search(study, q("bicycle"), study.agent()).json().getJsonNumber("total").longValue());

        var stale = api.put(study.path() + "/themes/stopwords", "{\"words\": [], \"revision\": 0}").as(study.agent(), PASSWORD).send();
        assertEquals(409, stale.status(), stale::toString);
        var twoWords = api.put(study.path() + "/themes/stopwords", "{\"words\": [\"power cuts\"], \"revision\": 1}")
                .as(study.agent(), PASSWORD).send();
        assertEquals(400, twoWords.status(), twoWords::toString);
        assertEquals("/words/0", twoWords.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void anAdminsRebuildRunsInTheBackgroundWhileSearchesKeepAnswering() throws InterruptedException {
        Study study = answered();
        awaitSearch(study, q("flour"), study.agent(), total(3));
        assertEquals(403, api.post("api/admin/themes/rebuild", "").as(study.agent(), PASSWORD).send().status());

        var started = api.post("api/admin/themes/rebuild", "").asAdmin().send();
        assertEquals(202, started.status(), started::toString);
        String startedAt = started.json().getString("startedAt");
        int searchesDuringRebuild = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonObject progress = api.get("api/admin/themes/rebuild").asAdmin().send().json();
            var during = search(study, q("flour"), study.agent());
            assertEquals(200, during.status(), during::toString);
            assertEquals(3, during.json().getJsonNumber("total").longValue(), "the old index answers until the new one is complete");
            searchesDuringRebuild++;
            if (progress.getString("state").equals("done") && progress.getString("startedAt").equals(startedAt)) {
                assertTrue(progress.getJsonNumber("done").longValue() >= 3, progress::toString);
                assertTrue(progress.getString("reason").contains("admin"), progress::toString);
                break;
            }
            assertNull(progress.getString("error", null), progress::toString);
            assertTrue(System.nanoTime() < deadline, "rebuild still " + progress);
        }
        assertTrue(searchesDuringRebuild > 0);
        JsonObject after = awaitSearch(study, q("flour"), study.agent(), total(3));
        assertTrue(after.getBoolean("complete"));
    }

    private static String resource(String name) {
        try (InputStream in = ThemesIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
