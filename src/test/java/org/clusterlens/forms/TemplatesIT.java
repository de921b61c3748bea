package org.clusterlens.forms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.clusterlens.forms.control.CanonicalJson;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ClusterLensIT
class TemplatesIT {

    @ServerUrl
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void draftIsEditedThenPublishedFrozenAndEditedAgainAsANewVersion() {
        String id = Fixtures.uniqueId("bakery");
        var created = api.post("api/templates", Fixtures.template(id, "Your story")).asAdmin().send();
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/templates/" + id + "/versions/1"));
        assertEquals("draft", created.json().getString("status"));

        var edited = api.put("api/templates/" + id + "/draft", Fixtures.template(id, "Tell us your story"))
                .header("If-Match", created.header("ETag")).asAdmin().send();
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(1, edited.json().getInt("version"), "editing a draft changes it in place");
        assertNotEquals(created.header("ETag"), edited.header("ETag"));

        var published = api.post("api/templates/" + id + "/versions/1/publication", "").asAdmin().send();
        assertEquals(200, published.status(), published::toString);
        assertEquals("published", published.json().getString("status"));
        String expectedHash = CanonicalJson.sha256Hex(parse(Fixtures.template(id, "Tell us your story")));
        assertEquals(expectedHash, published.json().getString("contentHash"));
        assertEquals(409, api.post("api/templates/" + id + "/versions/1/publication", "").asAdmin().send().status(),
                "publishing twice is refused");

        var nextDraft = api.put("api/templates/" + id + "/draft", Fixtures.templateWithExtraQuestion(id, "Tell us your story"))
                .header("If-Match", published.header("ETag")).asAdmin().send();
        assertEquals(201, nextDraft.status(), nextDraft::toString);
        assertEquals(2, nextDraft.json().getInt("version"));
        assertEquals("draft", nextDraft.json().getString("status"));

        var v1 = api.get("api/templates/" + id + "/versions/1").asAdmin().send().json();
        assertEquals("published", v1.getString("status"));
        assertEquals(expectedHash, CanonicalJson.sha256Hex(v1.getJsonObject("content")), "the published version did not change");

        var versions = api.get("api/templates/" + id + "/versions").asAdmin().send().array();
        assertEquals(2, versions.size());

        var diff = api.get("api/templates/" + id + "/diff?from=1&to=2").asAdmin().send().json();
        assertEquals(List.of("energy_share"), diff.getJsonArray("questionsAdded").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(diff.getJsonArray("questionsRemoved").isEmpty());

        assertEquals(409, api.delete("api/templates/" + id + "/versions/1").asAdmin().send().status(),
                "a published version cannot be deleted");
        assertEquals(204, api.delete("api/templates/" + id + "/versions/2").asAdmin().send().status());

        var audit = api.get("api/audit?subjectType=template&subjectId=" + id).asAdmin().send().array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("DELETED", "CREATED", "PUBLISHED", "CHANGED", "CREATED"), actions);
    }

    @Test
    void editingWithoutSayingWhichVersionWasEditedIsRefused() {
        String id = Fixtures.uniqueId("precondition");
        api.post("api/templates", Fixtures.template(id, "Label")).asAdmin().send();
        var reply = api.put("api/templates/" + id + "/draft", Fixtures.template(id, "Other")).asAdmin().send();
        assertEquals(428, reply.status(), reply::toString);
    }

    @Test
    void concurrentEditsOfOneDraftLetExactlyOneWin() throws Exception {
        String id = Fixtures.uniqueId("race");
        String etag = api.post("api/templates", Fixtures.template(id, "Label")).asAdmin().send().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String label = "Edit number " + i;
                edits.add(() -> new Api(base).put("api/templates/" + id + "/draft", Fixtures.template(id, label))
                        .header("If-Match", etag).asAdmin().send().status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidTemplateIsRefusedWithEveryProblemAndItsPointer() {
        String id = Fixtures.uniqueId("broken");
        String broken = Fixtures.template(id, "Label")
                .replace("\"choices\": \"yn\"", "\"choices\": \"no_such_list\"")
                .replace("${exports} = 'yes'", "${exprots} = 'yes'")
                .replace("\"ar\": \"الموظفون\"", "\"fr\": \"Employés\"");
        var reply = api.post("api/templates", broken).asAdmin().send();
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        Set<String> pointers = reply.json().getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertTrue(pointers.contains("/sections/0/items/1/choices"), pointers::toString);
        assertTrue(pointers.contains("/sections/0/items/2/relevant"), pointers::toString);
        assertTrue(pointers.stream().anyMatch(p -> p.startsWith("/sections/0/items/0/label")), pointers::toString);
        assertEquals(404, api.get("api/templates/" + id).asAdmin().send().status(), "nothing was stored");

        var check = api.post("api/templates/validation", broken).asAdmin().send().json();
        assertEquals(false, check.getBoolean("valid"));
        assertEquals(reply.json().getJsonArray("errors").size(), check.getJsonArray("problems").size());
    }

    @Test
    void creatingTheSameTemplateTwiceIsAConflict() {
        String id = Fixtures.uniqueId("twice");
        assertEquals(201, api.post("api/templates", Fixtures.template(id, "Label")).asAdmin().send().status());
        var replay = api.post("api/templates", Fixtures.template(id, "Label")).asAdmin().send();
        assertEquals(409, replay.status(), replay::toString);
        assertEquals(1, api.get("api/templates/" + id + "/versions").asAdmin().send().array().size());
    }

    @Test
    void shippedLibraryIsPublishedInEnglishAndFrench() {
        var list = api.get("api/templates").asAdmin().send().array();
        Set<String> ids = list.stream().map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("firm-diagnostic", "institution-diagnostic", "cluster-selection", "trust-pulse")),
                ids::toString);
        for (String id : List.of("firm-diagnostic", "institution-diagnostic", "cluster-selection", "trust-pulse")) {
            var latest = api.get("api/templates/" + id).asAdmin().send().json();
            assertEquals("published", latest.getString("status"));
            var languages = latest.getJsonObject("content").getJsonArray("languages").getValuesAs(jakarta.json.JsonString::getString);
            assertTrue(languages.containsAll(List.of("en", "fr")), id + " " + languages);
        }
    }
}
