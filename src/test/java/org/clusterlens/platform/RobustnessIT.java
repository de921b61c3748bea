package org.clusterlens.platform;

import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per class of bad input: each gets a clear problem+json, nothing crashes, nothing leaks. */
@ClusterLensIT
class RobustnessIT {

    @ServerUrl
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.json().getString("detail").isBlank());
    }

    @Test
    void malformedJsonSaysWhere() {
        var reply = api.post("api/templates", "{\"id\": \"x\", \"title\": ").asAdmin().send();
        assertProblem(reply, 400);
        assertTrue(reply.json().getString("detail").contains("line 1"), reply::toString);
        assertProblem(api.post("api/users", "{\"email\":").asAdmin().send(), 400);
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        assertProblem(api.call("POST", "api/templates").bytes(huge, "application/json").asAdmin().send(), 413);
    }

    @Test
    void wrongTypesNameTheField() {
        var reply = api.post("api/users", """
                {"email": "t@example.org", "displayName": "T", "password": "long enough password", "roles": "agent"}
                """).asAdmin().send();
        assertProblem(reply, 400);
        assertEquals("/roles", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        var template = api.post("api/templates", Fixtures.template(Fixtures.uniqueId("types"), "L")
                .replace("\"required\": true", "\"required\": \"yes\"")).asAdmin().send();
        assertProblem(template, 400);
        assertTrue(template.body().contains("/sections/0/items/0/required"), template::toString);
    }

    @Test
    void unknownFieldsAreNamedNotIgnored() {
        var reply = api.post("api/users", """
                {"email": "u@example.org", "displayName": "U", "password": "long enough password", "roles": ["agent"], "isAdmin": true}
                """).asAdmin().send();
        assertProblem(reply, 400);
        assertEquals("/isAdmin", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        var template = api.post("api/templates", Fixtures.template(Fixtures.uniqueId("unknown"), "L")
                .replace("\"required\": true", "\"requried\": true")).asAdmin().send();
        assertProblem(template, 400);
        assertTrue(template.body().contains("requried"), template::toString);
    }

    @Test
    void anyScriptRightToLeftAndEmojiIsKeptExactly() {
        String label = "Quelle est votre histoire ? ما هي قصتك؟ 👩🏽‍🔧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u200F";
        String id = Fixtures.uniqueId("unicode");
        assertEquals(201, api.post("api/templates", Fixtures.template(id, label)).asAdmin().send().status());
        var stored = api.get("api/templates/" + id).asAdmin().send();
        assertEquals(label, stored.json().getJsonObject("content").getJsonArray("sections").getJsonObject(0)
                .getJsonArray("items").getJsonObject(2).getJsonObject("label").getString("en"));
        assertEquals("فحص عنقود المخابز", stored.json().getJsonObject("content").getJsonObject("title").getString("ar"));
    }

    @Test
    void scriptTextIsStoredAsDataAndNeverServedAsHtml() {
        String label = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String id = Fixtures.uniqueId("xss");
        api.post("api/templates", Fixtures.template(id, label)).asAdmin().send();
        var stored = api.get("api/templates/" + id).asAdmin().send();
        assertTrue(stored.contentType().startsWith("application/json"), stored::toString);
        assertEquals("nosniff", stored.header("X-Content-Type-Options"));
        assertTrue(stored.body().contains("alert('x')"), "kept as typed, escaped only where it is shown");
    }

    @Test
    void unknownAddressesWrongMethodsAndMediaTypesAreProblems() {
        assertProblem(api.get("api/no-such-thing").asAdmin().send(), 404);
        assertProblem(api.get("no-such-page").send(), 404);
        assertProblem(api.get("api/templates/no-such-template").asAdmin().send(), 404);
        assertProblem(api.call("PATCH", "api/templates").json("{}").asAdmin().send(), 405);
        assertProblem(api.call("POST", "api/users").bytes("a=b".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded").asAdmin().send(), 415);
        assertProblem(api.get("api/templates/firm-diagnostic/versions/not-a-number").asAdmin().send(), 404);
    }

    @Test
    void serverFailureCarriesAnIncidentIdAndNoInternals() {
        var reply = api.get("api/test-failure").send();
        assertProblem(reply, 500);
        String incident = reply.json().getString("incidentId");
        assertNotNull(incident);
        assertTrue(reply.json().getString("detail").contains(incident));
        assertFalse(reply.body().contains(FailingResource.SECRET), "the exception message stays in the log");
        assertFalse(reply.body().contains("at org."), "no stack trace");
    }

    @Test
    void readinessChecksTheDatabaseAndTheDataDirectory() {
        var reply = new Api(root()).get("health/ready").send();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("UP", reply.json().getString("status"));
        var names = reply.json().getJsonArray("checks").stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertTrue(names.containsAll(java.util.List.of("database", "data-directory")), names::toString);
    }

    @Test
    void openApiDocumentDescribesTheTemplateApi() {
        var reply = new Api(root()).get("openapi").header("Accept", "application/json").send();
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/templates") || reply.body().contains("/templates"), reply::toString);
    }

    private URL root() {
        try {
            return new URL(base.getProtocol(), base.getHost(), base.getPort(), "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
