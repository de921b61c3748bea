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
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codebook as a study's team uses it: themes that code answers as they arrive, by hand too, and their counts. */
@ClusterLensIT
class CodebookIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    /** A study with k = 2, its agent and a lead, four firms invited: two bakeries, a mill, a sugar maker. */
    private record Study(long studyId, long waveId, String agent, String lead, Map<String, String> tokens,
                         Map<String, Long> actors) {
        String path() {
            return "api/studies/" + studyId;
        }

        String themes() {
            return path() + "/themes";
        }
    }

    private Study study() {
        String agent = user("agent");
        String templateId = Fixtures.uniqueId("open");
        String template = resource("/themes/open-answers.json").replace("\"open-answers\"", "\"" + templateId + "\"");
        assertEquals(201, api.post("api/templates", template).as(agent, PASSWORD).send().status());
        assertEquals(200, api.post("api/templates/" + templateId + "/versions/1/publication", "").as(agent, PASSWORD).send().status());
        var created = api.post("api/studies", "{\"name\": \"" + Fixtures.uniqueId("bakeries")
                + "\", \"languages\": [\"en\", \"fr\"], \"k\": 2}").as(agent, PASSWORD).send();
        assertEquals(201, created.status(), created::toString);
        long studyId = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.put("api/studies/" + studyId + "/templates/firm",
                "{\"templateId\": \"" + templateId + "\", \"version\": 1}").as(agent, PASSWORD).send().status());
        var wave = api.post("api/studies/" + studyId + "/waves",
                "{\"name\": \"Baseline\", \"opensOn\": \"2020-01-01\", \"closesOn\": \"2099-12-31\"}").as(agent, PASSWORD).send();
        long waveId = wave.json().getJsonNumber("id").longValue();
        String csv = StudyFixtures.HEADER
                + "F1,Boulangerie Ndiaye,firm,bakery,small,Thiès,,\r\n"
                + "F2,Boulangerie Diop,firm,bakery,small,Thiès,,\r\n"
                + "F3,Moulin Sarr,firm,milling,micro,Thiès,,\r\n"
                + "F4,Sucrerie Ba,firm,sugar,medium,Thiès,,\r\n";
        assertEquals(200, api.post("api/studies/" + studyId + "/actors/import", "")
                .bytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv").as(agent, PASSWORD).send().status());
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
        String lead = user("lead");
        assertEquals(201, api.post("api/studies/" + studyId + "/members", "{\"email\": \"" + lead + "\", \"role\": \"lead\"}")
                .as(agent, PASSWORD).send().status());
        return new Study(studyId, waveId, agent, lead, tokens, actors);
    }

    private void submit(Study study, String firm, String language, String mainProblem) {
        var reply = api.post("api/respond/" + study.tokens().get(firm) + "/submission", """
                {"submissionId": "%s", "language": "%s", "answers": {"owner_name": "Owner of %s", "main_problem": %s}}"""
                .formatted(UUID.randomUUID(), language, firm, Fixtures.jsonString(mainProblem))).send();
        assertEquals(201, reply.status(), reply::toString);
    }

    /** Waits until the index holds the answers of exactly the responses submitted so far. */
    private void awaitIndexed(Study study) throws InterruptedException {
        Set<Long> submitted = api.get(study.path() + "/waves/" + study.waveId() + "/responses").as(study.agent(), PASSWORD)
                .send().array().getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
        assertEquals(submitted, IndexedAnswers.awaitResponses(api, study.studyId(), submitted, PATIENCE).keySet());
    }

    private JsonObject create(Study study, String as, String body) {
        var reply = api.post(study.themes(), body).as(as, PASSWORD).send();
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static long id(JsonObject theme) {
        return theme.getJsonNumber("id").longValue();
    }

    private JsonObject answers(Study study, long themeId, String as) {
        var reply = api.get(study.themes() + "/" + themeId + "/answers").as(as, PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The answers of a theme, each as its firm's main problem. */
    private Set<String> answerTexts(Study study, long themeId, String as) {
        return answers(study, themeId, as).getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("answer")).collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonObject theme(Study study, long themeId) {
        var reply = api.get(study.themes() + "/" + themeId).as(study.agent(), PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void aLeadsThemeCodesAnAnswerSubmittedAfterwardsWithoutAnybodyAsking() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "Power cuts stop the ovens");
        submit(study, "F4", "en", "Flour prices doubled");
        awaitIndexed(study);

        JsonObject energy = create(study, study.lead(), """
                {"name": "Energy", "description": "Power and its cost", "query": "power OR courant", "origin": "candidate"}""");
        assertEquals(1, energy.getInt("answerCount"));
        assertEquals("candidate", energy.getString("origin"));

        submit(study, "F3", "fr", "Les coupures de courant arrêtent le moulin");
        awaitIndexed(study);
        assertEquals(Set.of("Les coupures de courant arrêtent le moulin", "Power cuts stop the ovens"),
                answerTexts(study, id(energy), study.lead()), "the new answer is in the theme with no other call");
        JsonObject listed = api.get(study.themes()).as(study.agent(), PASSWORD).send().array().getJsonObject(0);
        assertEquals("Energy", listed.getString("name"));
        assertEquals(2, listed.getInt("answerCount"));

        var searched = api.get(study.path() + "/search?q=cuts&theme=" + id(energy)).as(study.lead(), PASSWORD).send();
        assertEquals(200, searched.status(), searched::toString);
        assertEquals(1, searched.json().getJsonNumber("total").longValue(), "search within the theme");
        assertEquals(2, api.get(study.path() + "/search?theme=" + id(energy)).as(study.lead(), PASSWORD).send()
                .json().getJsonNumber("total").longValue());
    }

    @Test
    void leadsSeePseudonymsInAThemeAndOutsidersFindNoCodebook() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "Power cuts stop the ovens");
        awaitIndexed(study);
        long themeId = id(create(study, study.agent(), "{\"name\": \"Owners\", \"query\": \"owner OR power\"}"));

        JsonObject asLead = answers(study, themeId, study.lead());
        assertEquals(1, asLead.getJsonNumber("total").longValue(), "the owner's name is personal: not for leads");
        JsonObject hit = asLead.getJsonArray("hits").getJsonObject(0);
        assertTrue(hit.getString("pseudonym").startsWith("P-"), hit::toString);
        assertFalse(hit.containsKey("actorName"), hit::toString);
        assertFalse(hit.containsKey("actorId"), hit::toString);
        assertFalse(hit.toString().contains("Ndiaye"), hit::toString);
        JsonObject asAgent = answers(study, themeId, study.agent());
        assertEquals(2, asAgent.getJsonNumber("total").longValue());
        assertEquals("Boulangerie Ndiaye", asAgent.getJsonArray("hits").getJsonObject(0).getString("actorName"));

        String outsider = user("agent");
        for (var call : List.of(api.get(study.themes()), api.get(study.themes() + "/" + themeId),
                api.get(study.themes() + "/" + themeId + "/answers"), api.get(study.themes() + "/counts?by=sector"),
                api.post(study.themes(), "{\"name\": \"Mine\"}"), api.delete(study.themes() + "/" + themeId))) {
            var refused = call.as(outsider, PASSWORD).send();
            assertEquals(404, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        assertEquals(200, api.get(study.themes() + "/" + themeId).as(study.lead(), PASSWORD).send().status(),
                "the outsider changed nothing");
    }

    @Test
    void aHandCodeOverridesTheQueryInBothDirections() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "Power cuts stop the ovens");
        submit(study, "F4", "en", "Flour prices doubled");
        awaitIndexed(study);
        long themeId = id(create(study, study.lead(), "{\"name\": \"Energy\", \"query\": \"power\"}"));
        String powerKey = answers(study, themeId, study.agent()).getJsonArray("hits").getJsonObject(0).getString("answerKey");
        String flourKey = api.get(study.path() + "/search?q=flour").as(study.agent(), PASSWORD).send().json()
                .getJsonArray("hits").getJsonObject(0).getString("answerKey");

        var in = api.put(study.themes() + "/" + themeId + "/answers/" + flourKey, "").as(study.lead(), PASSWORD).send();
        assertEquals(200, in.status(), in::toString);
        assertEquals("in", in.json().getString("code"));
        assertEquals(Set.of("Flour prices doubled", "Power cuts stop the ovens"), answerTexts(study, themeId, study.lead()));

        var out = api.delete(study.themes() + "/" + themeId + "/answers/" + powerKey).as(study.agent(), PASSWORD).send();
        assertEquals(200, out.status(), out::toString);
        assertEquals("out", out.json().getString("code"));
        assertEquals(Set.of("Flour prices doubled"), answerTexts(study, themeId, study.lead()));
        assertEquals(1, theme(study, themeId).getInt("answerCount"));

        assertEquals(404, api.put(study.themes() + "/" + themeId + "/answers/999999999.main_problem", "")
                .as(study.agent(), PASSWORD).send().status());
        var bad = api.put(study.themes() + "/" + themeId + "/answers/main_problem", "").as(study.agent(), PASSWORD).send();
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("answerKey", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        String audit = api.get("api/audit?subjectType=theme&subjectId=" + themeId).asAdmin().send().body();
        assertTrue(audit.contains(flourKey) && audit.contains(powerKey) && audit.contains(study.lead()), audit);

        var deleted = api.delete(study.themes() + "/" + themeId).as(study.lead(), PASSWORD).send();
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, api.get(study.themes() + "/" + themeId).as(study.lead(), PASSWORD).send().status());
        assertTrue(api.get("api/audit?subjectType=theme&subjectId=" + themeId).asAdmin().send().body().contains("DELETED"));
    }

    @Test
    void mergingKeepsTheAnswersOfBothAndAStaleVersionIsAConflict() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "Power cuts stop the ovens");
        submit(study, "F2", "en", "The electricity bill doubled");
        submit(study, "F4", "en", "Flour prices doubled");
        awaitIndexed(study);
        JsonObject power = create(study, study.agent(), "{\"name\": \"Power\", \"query\": \"power\"}");
        JsonObject bills = create(study, study.lead(), "{\"name\": \"Bills\", \"query\": \"bill\"}");
        String flourKey = api.get(study.path() + "/search?q=flour").as(study.agent(), PASSWORD).send().json()
                .getJsonArray("hits").getJsonObject(0).getString("answerKey");
        assertEquals(200, api.put(study.themes() + "/" + id(power) + "/answers/" + flourKey, "")
                .as(study.agent(), PASSWORD).send().status());

        long version = theme(study, id(bills)).getJsonNumber("version").longValue();
        var renamed = api.call("PATCH", study.themes() + "/" + id(bills)).json(
                "{\"name\": \"Electricity\", \"version\": " + version + "}").as(study.lead(), PASSWORD).send();
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Electricity", renamed.json().getString("name"));
        assertEquals("bill", renamed.json().getString("query"), "PATCH changes only what it names");
        var stale = api.put(study.themes() + "/" + id(bills), "{\"name\": \"Bills again\", \"version\": " + version + "}")
                .as(study.agent(), PASSWORD).send();
        assertEquals(409, stale.status(), stale::toString);
        assertTrue(stale.contentType().startsWith("application/problem+json"));

        var merged = api.post(study.themes() + "/" + id(power) + "/merge", "{\"into\": " + id(bills) + "}")
                .as(study.lead(), PASSWORD).send();
        assertEquals(200, merged.status(), merged::toString);
        assertEquals("Electricity", merged.json().getString("name"));
        assertEquals("(power) OR (bill)", merged.json().getString("query"));
        assertEquals(Set.of("Flour prices doubled", "Power cuts stop the ovens", "The electricity bill doubled"),
                answerTexts(study, id(bills), study.lead()), "the hand code moved with the merge");
        assertEquals(404, api.get(study.themes() + "/" + id(power)).as(study.agent(), PASSWORD).send().status());
        assertEquals(1, api.get(study.themes()).as(study.agent(), PASSWORD).send().array().size());

        var split = api.post(study.themes() + "/" + id(bills) + "/split", """
                {"version": %d, "parts": [{"name": "Cuts", "query": "power"}, {"name": "Bills", "query": "bill"}]}"""
                .formatted(merged.json().getJsonNumber("version").longValue())).as(study.lead(), PASSWORD).send();
        assertEquals(200, split.status(), split::toString);
        var parts = split.array().getValuesAs(JsonObject.class);
        assertEquals(List.of("Cuts", "Bills"), parts.stream().map(p -> p.getString("name")).toList());
        assertEquals(Set.of("The electricity bill doubled"), answerTexts(study, id(parts.get(1)), study.lead()));
    }

    @Test
    void badThemesAreProblemsNamingTheField() throws InterruptedException {
        Study study = study();
        long parent = id(create(study, study.agent(), "{\"name\": \"Costs\"}"));
        long child = id(create(study, study.agent(), "{\"name\": \"Energy costs\", \"parentId\": " + parent + "}"));
        Map<String, String> bad = Map.of(
                "{\"name\": \"\"}", "/name",
                "{\"name\": \"" + "x".repeat(201) + "\"}", "/name",
                "{\"name\": \"a\\u0000b\"}", "/name",
                "{\"name\": \"Orphan\", \"parentId\": 999999999}", "/parentId",
                "{\"name\": \"Third level\", \"parentId\": " + child + "}", "/parentId",
                "{\"name\": \"Broken\", \"query\": \"energy AND ) cost\"}", "/query");
        bad.forEach((body, field) -> {
            var reply = api.post(study.themes(), body).as(study.lead(), PASSWORD).send();
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        });
        var syntax = api.post(study.themes(), "{\"name\": \"Broken\", \"query\": \"energy AND ) cost\"}").as(study.lead(), PASSWORD).send();
        assertEquals(11, syntax.json().getJsonArray("errors").getJsonObject(0).getInt("position"));
        var duplicate = api.post(study.themes(), "{\"name\": \"energy COSTS\"}").as(study.lead(), PASSWORD).send();
        assertEquals(409, duplicate.status(), duplicate::toString);

        assertEquals(204, api.delete(study.themes() + "/" + parent).as(study.agent(), PASSWORD).send().status());
        assertFalse(theme(study, child).containsKey("parentId"), "a deleted theme's sub-themes move to the top");
    }

    @Test
    void countsPerSectorAndCoOccurrenceSuppressCellsUnderK() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "Power cuts stop the ovens");
        submit(study, "F2", "en", "Power cuts and flour prices");
        submit(study, "F3", "fr", "Les coupures de courant arrêtent le moulin");
        submit(study, "F4", "en", "Flour prices doubled");
        awaitIndexed(study);
        long energy = id(create(study, study.lead(), "{\"name\": \"Energy\", \"query\": \"power OR courant\"}"));
        long flour = id(create(study, study.lead(), "{\"name\": \"Flour\", \"query\": \"flour\"}"));

        var reply = api.get(study.themes() + "/counts?by=sector").as(study.lead(), PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        JsonObject counts = reply.json();
        assertEquals(2, counts.getInt("k"));
        Map<Long, JsonObject> rows = counts.getJsonArray("themes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getJsonNumber("themeId").longValue(), r -> r));
        Map<String, JsonObject> energyCells = cells(rows.get(energy));
        assertEquals(2, energyCells.get("bakery").getInt("answers"), "two bakeries: k is reached");
        assertFalse(energyCells.get("bakery").getBoolean("suppressed"));
        assertTrue(energyCells.get("milling").getBoolean("suppressed"), "one mill: under k");
        assertTrue(energyCells.get("milling").isNull("answers"), "suppressed means no number at all");
        assertEquals(3, rows.get(energy).getJsonObject("total").getInt("answers"));
        cells(rows.get(flour)).values().forEach(c -> assertTrue(c.getBoolean("suppressed"), c::toString));

        JsonObject both = counts.getJsonArray("cooccurrence").getJsonObject(0);
        assertEquals(Set.of(energy, flour), both.getJsonArray("themes").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).collect(Collectors.toSet()));
        assertTrue(both.getBoolean("suppressed"), "only one firm wrote of power and flour");
        assertTrue(both.isNull("answers"));
        assertFalse(reply.body().contains("Ndiaye"), reply::body);

        var bad = api.get(study.themes() + "/counts?by=size").as(study.lead(), PASSWORD).send();
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("by", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void theCodebookTravelsAsCsvAndQdcAndCodedAnswersExportPseudonymisedForLeads() throws InterruptedException {
        Study study = study();
        submit(study, "F1", "en", "=HYPERLINK(\"http://x\") power cuts");
        awaitIndexed(study);
        long costs = id(create(study, study.agent(), "{\"name\": \"Costs\", \"description\": \"What firms pay\"}"));
        create(study, study.agent(), "{\"name\": \"Energy\", \"query\": \"power\", \"parentId\": " + costs + "}");

        var csv = api.get(study.themes() + "/codebook.csv").as(study.lead(), PASSWORD).send();
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("\"Energy\",\"Costs\",\"\",\"power\",\"hand\""), csv::body);
        var qdc = api.get(study.themes() + "/codebook.qdc").as(study.lead(), PASSWORD).send();
        assertEquals(200, qdc.status(), qdc::toString);
        assertTrue(qdc.body().contains("urn:QDA-XML:codebook:1.0") && qdc.body().contains("name=\"Energy\""), qdc::body);

        Study other = study();
        var fromCsv = api.post(other.themes() + "/import", "").bytes(csv.body().getBytes(StandardCharsets.UTF_8), "text/csv")
                .as(other.lead(), PASSWORD).send();
        assertEquals(201, fromCsv.status(), fromCsv::toString);
        assertEquals(2, fromCsv.array().size());
        var again = api.post(other.themes() + "/import", "").bytes(csv.body().getBytes(StandardCharsets.UTF_8), "text/csv")
                .as(other.lead(), PASSWORD).send();
        assertEquals(400, again.status(), again::toString);
        assertTrue(again.json().getJsonArray("errors").getJsonObject(0).getString("field").startsWith("line 2"), again::toString);

        Study third = study();
        var fromQdc = api.post(third.themes() + "/import", "").bytes(qdc.body().getBytes(StandardCharsets.UTF_8), "application/xml")
                .as(third.agent(), PASSWORD).send();
        assertEquals(201, fromQdc.status(), fromQdc::toString);
        JsonObject energy = fromQdc.array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").equals("Energy")).findFirst().orElseThrow();
        assertFalse(energy.isNull("parentId"), energy::toString);

        var coded = api.get(study.themes() + "/coded.csv").as(study.lead(), PASSWORD).send();
        assertEquals(200, coded.status(), coded::toString);
        assertTrue(coded.body().contains("\"'=HYPERLINK"), "a formula is neutralised: " + coded.body());
        assertFalse(coded.body().contains("Ndiaye") || coded.body().contains("actor_name"), coded::body);
        assertTrue(coded.body().contains("\"P-"), coded::body);
        var identified = api.get(study.themes() + "/coded.csv").as(study.agent(), PASSWORD).send();
        assertTrue(identified.body().contains("\"Boulangerie Ndiaye\""), identified::body);
    }

    private static Map<String, JsonObject> cells(JsonObject row) {
        return row.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.isNull("value") ? "" : c.getString("value"), c -> c));
    }

    private static String resource(String name) {
        try (InputStream in = CodebookIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
