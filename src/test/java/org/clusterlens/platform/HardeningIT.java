package org.clusterlens.platform;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 4 of issue 9, each probe of the running server that once got through, replayed, against
 * the shared deployment at the context root, where Payara serves /health and /metrics inside
 * ClusterLens' own web module as in production.
 */
@ClusterLensIT
class HardeningIT {
    private static final String EVIL = "https://evil.example";

    @ServerUrl
    URL base;

    Api api;
    StudyFixtures fixtures;

    @BeforeEach
    void client() {
        api = new Api(base);
        fixtures = new StudyFixtures(api);
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertEquals(status, reply.json().getInt("status"), reply::toString);
        assertFalse(reply.json().getString("detail").isBlank(), reply::toString);
    }

    private static String field(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private Api.Call newStudy() {
        return api.post("api/studies", """
                {"name": "%s", "product": "bread", "place": "Thiès", "languages": ["en"], "defaultLanguage": "en", "k": 5}
                """.formatted(Fixtures.uniqueId("cross-site"))).asAdmin();
    }

    private String ownOrigin() {
        return "http://127.0.0.1:" + base.getPort();
    }

    // 1. cross-site requests with cached Basic credentials

    @Test
    void aChangeFromAnotherOriginIsRefusedEvenWithAValidPassword() {
        var reply = newStudy().header("Origin", EVIL).send();
        assertProblem(reply, 403);
        assertTrue(reply.json().getString("detail").contains(EVIL), reply::toString);
        assertProblem(newStudy().header("Origin", "null").send(), 403);
    }

    @Test
    void aChangeThatTheBrowserSaysComesFromAnotherSiteIsRefused() {
        for (String site : new String[]{"cross-site", "same-site", "none"}) {
            var reply = newStudy().header("Sec-Fetch-Site", site).send();
            assertProblem(reply, 403);
            assertTrue(reply.json().getString("detail").contains("Sec-Fetch-Site"), reply::toString);
        }
        assertEquals(200, api.get("api/studies").asAdmin().header("Sec-Fetch-Site", "none").send().status(),
                "a page typed into the address bar may be read");
    }

    @Test
    void aChangeFromClusterLensOwnPagesOrFromAScriptGoesThrough() {
        assertEquals(201, newStudy().header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin").send().status());
        assertEquals(201, newStudy().send().status(), "curl and scripts send neither header");
    }

    @Test
    void aForgedHostDoesNotMakeAnotherOriginOurOwn() {
        var reply = newStudy().header("Host", "evil.example").header("Origin", "http://evil.example").send();
        assertProblem(reply, 403);
    }

    @Test
    void whatAnHtmlFormCanPostIsRefusedWhereverItComesFrom() {
        StudyFixtures.Invited invited = fixtures.oneFirm("Boulangerie Form");
        byte[] csv = (StudyFixtures.HEADER + "F9,Forged,firm,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
        assertProblem(api.call("POST", "api/studies/" + invited.ready().studyId() + "/actors/import")
                .bytes(csv, "text/plain").asAdmin().send(), 415);
        byte[] form = "x=1".getBytes(StandardCharsets.UTF_8);
        String revocation = "api/invitations/" + invited.invitationId() + "/revocation";
        assertProblem(api.call("POST", revocation).bytes(form, "application/x-www-form-urlencoded")
                .header("Origin", EVIL).asAdmin().send(), 403);
        assertProblem(api.call("POST", revocation).bytes(form, "application/x-www-form-urlencoded")
                .asAdmin().send(), 415);
        assertProblem(api.call("POST", revocation).bytes(form, "multipart/form-data; boundary=x")
                .asAdmin().send(), 415);
        assertEquals(200, api.get("api/respond/" + invited.token()).send().status(), "the link still works");
    }

    @Test
    void browsersAreNeverInvitedToTypeAPasswordIntoTheBasicPrompt() {
        var fetch = api.get("api/studies").header("Sec-Fetch-Mode", "cors").send();
        assertProblem(fetch, 401);
        assertNull(fetch.header("WWW-Authenticate"), fetch::toString);
        var navigation = api.get("api/studies").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").send();
        assertProblem(navigation, 401);
        assertNull(navigation.header("WWW-Authenticate"), navigation::toString);
        var script = api.get("api/studies").send();
        assertTrue(script.header("WWW-Authenticate").startsWith("Basic"), script::toString);
    }

    // 2. the open link

    private String openLink(StudyFixtures.Ready ready) {
        var link = api.put("api/studies/" + ready.studyId() + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .asAdmin().send();
        assertEquals(200, link.status(), link::toString);
        return StudyFixtures.token(link.json().getString("link"));
    }

    @Test
    void aStrangerCannotRegisterAsAnotherActorTypeThanTheLinks() {
        String open = openLink(fixtures.study(Fixtures.uniqueId("open-type"), "en"));
        var other = api.post("api/respond/open/" + open + "/registration",
                "{\"name\": \"Ministry of Everything\", \"type\": \"institution\"}").send();
        assertProblem(other, 400);
        assertEquals("/type", field(other));
        assertTrue(other.body().contains("registers firm only"), other::toString);
        assertEquals(201, api.post("api/respond/open/" + open + "/registration",
                "{\"name\": \"Fournil du Port\", \"type\": \"firm\"}").send().status());
    }

    @Test
    void anOverlongAnswerInADraftIsRefusedNamingTheQuestion() {
        String token = fixtures.oneFirm("Boulangerie Longue").token();
        String answer = "a".repeat(10_001);
        var reply = api.put("api/respond/" + token + "/draft", """
                {"answers": {"final_comments": "%s"}, "language": "en", "revision": 0}""".formatted(answer)).send();
        assertProblem(reply, 400);
        assertEquals("/answers/final_comments", field(reply));
        var limit = api.put("api/respond/" + token + "/draft", """
                {"answers": {"final_comments": "%s"}, "language": "en", "revision": 0}""".formatted(answer.substring(1))).send();
        assertEquals(200, limit.status(), limit::toString);
    }

    // 3. deeply nested JSON

    @Test
    void deeplyNestedJsonIsABadRequestAnsweredAtOnce() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String token = fixtures.oneFirm("Boulangerie Profonde").token();
        String draft = "{\"answers\": {\"final_comments\": " + deep + "}, \"language\": \"en\", \"revision\": 0}";
        long start = System.nanoTime();
        assertProblem(api.post("api/templates", deep).asAdmin().send(), 400);
        assertProblem(api.post("api/studies", "{\"name\": " + deep + "}").asAdmin().send(), 400);
        var answers = api.put("api/respond/" + token + "/draft", draft).send();
        assertProblem(answers, 400);
        assertTrue(answers.json().getString("detail").contains("nested"), answers::toString);
        String untyped = raw("PUT " + base.getPath() + "api/respond/" + token + "/draft HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: " + draft.length() + "\r\nConnection: close\r\n\r\n" + draft);
        assertTrue(untyped.startsWith("HTTP/1.1 400") && untyped.contains("nested"), "without a Content-Type too: " + untyped);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "four refusals took " + millis + " ms: no stack overflow, no log flood");
        var normal = api.put("api/respond/" + token + "/draft",
                "{\"answers\": {\"final_comments\": \"[[[ fine ]]]\"}, \"language\": \"en\", \"revision\": 0}").send();
        assertEquals(200, normal.status(), normal::toString);
    }

    // 4. NUL and bidirectional controls

    @Test
    void aNulCharacterIsRefusedNamingWhereItIs() {
        var name = api.post("api/studies", """
                {"name": "Cluster\\u0000", "product": "bread", "place": "Thiès", "languages": ["en"], "defaultLanguage": "en", "k": 5}
                """).asAdmin().send();
        assertProblem(name, 400);
        assertEquals("/name", field(name));

        StudyFixtures.Invited invited = fixtures.oneFirm("Boulangerie Nulle");
        var answer = api.put("api/respond/" + invited.token() + "/draft", """
                {"answers": {"constraint_ranking": ["finance", "x\\u0000"]}, "language": "en", "revision": 0}""").send();
        assertProblem(answer, 400);
        assertEquals("/answers/constraint_ranking/1", field(answer));

        var csv = fixtures.importActors(invited.ready().studyId(), StudyFixtures.HEADER + "F7,Nul\u0000Firm,firm,,,,,\r\n");
        assertProblem(csv, 400);
        assertEquals("line 2, column name", field(csv));

        var query = api.get("api/studies/" + invited.ready().studyId() + "/actors?q=a%00b").asAdmin().send();
        assertProblem(query, 400);
        assertEquals("q", field(query));
    }

    @Test
    void bidirectionalControlsAreKeptExactlyAsTyped() {
        StudyFixtures.Invited invited = fixtures.oneFirm("Plain firm");
        String name = "Boulangerie \u202Eenilno\u202C \u2066ب\u2069 \u200E\u200F \u202A\u202B\u202D \u2067\u2068";
        var created = api.post("api/studies/" + invited.ready().studyId() + "/actors",
                "{\"name\": " + Fixtures.jsonString(name) + ", \"type\": \"firm\"}").asAdmin().send();
        assertEquals(201, created.status(), created::toString);
        assertEquals(name, created.json().getString("name"));
        boolean listed = api.get("api/studies/" + invited.ready().studyId() + "/actors").asAdmin().send().array()
                .getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("name").equals(name));
        assertTrue(listed, "the register lists the name as typed");
        boolean onRoster = api.get("api/respond/" + invited.token()).send().json().getJsonArray("register")
                .getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("name").equals(name));
        assertTrue(onRoster, "the respondent's roster shows it as typed");
    }

    // 5. monitoring

    @Test
    void healthDetailAndMetricsAreForAdminsAndThisMachineOnly() {
        Api root = new Api(rootUrl());
        String proxied = "203.0.113.9";
        var anonymous = root.get("health").header("X-Forwarded-For", proxied).send();
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("UP", anonymous.json().getString("status"));
        assertFalse(anonymous.body().contains("\"data\""), anonymous::toString);
        var ready = root.get("health/ready").header("X-Forwarded-For", proxied).send();
        assertEquals(200, ready.status(), "load balancers still see readiness");
        assertFalse(ready.body().contains("\"data\""), ready::toString);

        var admin = root.get("health").header("X-Forwarded-For", proxied).asAdmin().send();
        assertTrue(admin.body().contains("\"product\""), admin::toString);
        var local = root.get("health/ready").send();
        assertTrue(local.body().contains("\"path\""), "a direct caller on this machine sees the detail: " + local);

        assertProblem(root.get("metrics").header("X-Forwarded-For", proxied).send(), 403);
        assertEquals(200, root.get("metrics").send().status());
        assertEquals(200, root.get("metrics").header("X-Forwarded-For", proxied).asAdmin().send().status());
    }

    // 6. tokens in error bodies, Location and Host

    @Test
    void aRespondentsTokenIsNeverEchoedInAnError() {
        String token = fixtures.oneFirm("Boulangerie Secrète").token();
        Api.Reply[] replies = {
                api.get("api/respond/" + token + "/no-such-thing").send(),
                api.call("DELETE", "api/respond/" + token).send(),
                api.put("api/respond/" + token + "/draft", "{\"answers\": ").send(),
                api.put("api/respond/" + token + "/draft", "{\"answers\": {}, \"language\": \"xx\", \"revision\": 0}").send(),
                api.post("api/respond/" + token + "/submission", "{}").send(),
                api.get("api/respond/" + token + "/receipt").send(),
                api.get("api/respond/open/" + token + "/registration").send(),
                api.get("respond/" + token + "/no-such-file.js").send(),
                api.get("respond/open/" + token + "/no-such-file.js").send(),
        };
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() >= 400, reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertFalse(reply.body().contains(token), reply::toString);
        }
    }

    @Test
    void locationHeadersNeverFollowAForgedHost() {
        var created = newStudy().header("Host", "evil.example").send();
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location");
        assertTrue(location.startsWith("/api/studies/"), location);
        assertEquals(200, api.get(location).asAdmin().send().status(), "the path resolves against the server asked");

        String token = fixtures.oneFirm("Boulangerie Reçue").token();
        var submitted = api.post("api/respond/" + token + "/submission", """
                {"submissionId": "%s", "language": "en", "answers": {"interview_date": "2026-01-15", "consent": "no"}}""".formatted(UUID.randomUUID()))
                .header("Host", "evil.example").send();
        assertEquals(201, submitted.status(), submitted::toString);
        assertFalse(submitted.header("Location").contains("evil"), submitted::toString);
    }

    // 7. the container's own errors

    @Test
    void malformedAddressesThatReachTheApplicationAreProblems() {
        assertProblem(api.get("api/templates/%2e%2e/x").asAdmin().send(), 404);
        assertProblem(api.get("api/templates/%F0%9F%8D%9E").asAdmin().send(), 404);
        assertProblem(api.get("no-such-page%20here").send(), 404);
    }

    /**
     * Answered by Payara's HTTP layer before any servlet or filter of the WAR runs, and so by the
     * filters of clusterlens-container.jar (org.clusterlens.container) that Payara Micro is started
     * with: a path with a NUL, invalid UTF-8 or an invalid percent escape is refused by
     * AddressCheckFilter before Payara decodes it (which used to answer an empty 400, or for
     * {@code %zz} log a stack trace and answer 200); what Grizzly's codec refuses itself (a request
     * line or header over its limits, an unknown HTTP version) gets its body from BodilessErrorFilter.
     */
    @Test
    void addressesTheContainerRefusesItselfAreProblems() {
        String[][] cases = {
                {"/%00", "NUL"}, {"/api/%00", "NUL"}, {"/api/a\u0000b", "NUL"},
                {"/api/%C3%28", "UTF-8"}, {"/respond/%FF", "UTF-8"},
                {"/api/%zz", "two hexadecimal digits"}, {"/api/templates/%4", "two hexadecimal digits"},
        };
        for (String[] c : cases) {
            JsonObject problem = rawProblem(raw("GET " + c[0] + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
            assertTrue(problem.getString("detail").contains(c[1]), c[0] + " -> " + problem);
            assertEquals("path", problem.getJsonArray("errors").getJsonObject(0).getString("field"), problem::toString);
        }
        JsonObject body = rawProblem(raw("POST /api/%zz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"), 400);
        assertTrue(body.getString("detail").contains("%"), body::toString);
    }

    @Test
    void requestsTheHttpCodecRefusesAreProblems() {
        rawProblem(raw("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        rawProblem(raw("GET /api/templates HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 400);
        JsonObject version = rawProblem(raw("GET /api/templates HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505);
        assertEquals("HTTP Version Not Supported", version.getString("title"), version::toString);
    }

    @Test
    void aGoodRequestOnTheSameConnectionIsUntouched() {
        String two = raw("GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(two.startsWith("HTTP/1.1 404"), two);
        assertTrue(two.contains("There is nothing at this address.") && two.contains("HTTP/1.1 200"), "keep-alive still works: " + two);
    }

    /** The status, the problem+json Content-Type and a body that says the same status. */
    private static JsonObject rawProblem(String reply, int status) {
        assertTrue(reply.startsWith("HTTP/1.1 " + status + " "), reply);
        int end = reply.indexOf("\r\n\r\n");
        assertTrue(end > 0, reply);
        String head = reply.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.contains("\r\ncontent-type: application/problem+json"), reply);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reply.substring(end + 4)))) {
            JsonObject problem = reader.readObject();
            assertEquals(status, problem.getInt("status"), reply);
            assertEquals("about:blank", problem.getString("type"), reply);
            assertFalse(problem.getString("title").isBlank(), reply);
            assertFalse(problem.getString("detail").isBlank(), reply);
            return problem;
        }
    }

    private String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URL rootUrl() {
        try {
            return new URL(base.getProtocol(), base.getHost(), base.getPort(), "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
