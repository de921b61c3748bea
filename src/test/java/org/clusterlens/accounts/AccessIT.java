package org.clusterlens.accounts;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.ServerUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ClusterLensIT
class AccessIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final String NEW_PASSWORD = "a second, different passphrase";

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

    record Endpoint(String method, String path) {
    }

    private static final List<Endpoint> EVERY_RESOURCE = List.of(
            new Endpoint("GET", "api/session"),
            new Endpoint("DELETE", "api/session"),
            new Endpoint("PUT", "api/session/password"),
            new Endpoint("GET", "api/tokens"),
            new Endpoint("POST", "api/tokens"),
            new Endpoint("DELETE", "api/tokens/1"),
            new Endpoint("GET", "api/users"),
            new Endpoint("POST", "api/users"),
            new Endpoint("PATCH", "api/users/1"),
            new Endpoint("DELETE", "api/users/1"),
            new Endpoint("GET", "api/audit"),
            new Endpoint("GET", "api/templates"),
            new Endpoint("POST", "api/templates"),
            new Endpoint("POST", "api/templates/validation"),
            new Endpoint("GET", "api/templates/firm-diagnostic"),
            new Endpoint("GET", "api/templates/firm-diagnostic/versions"),
            new Endpoint("PUT", "api/templates/firm-diagnostic/draft"),
            new Endpoint("POST", "api/templates/firm-diagnostic/versions/1/publication"),
            new Endpoint("DELETE", "api/templates/firm-diagnostic/versions/1"),
            new Endpoint("GET", "api/templates/firm-diagnostic/diff?from=1&to=1"));

    private static Api.Call withBody(Api.Call call, String method) {
        return method.equals("GET") || method.equals("DELETE") ? call : call.json("{}");
    }

    @Test
    void anonymousCallersAreAskedToLogInOnEveryResource() {
        for (Endpoint e : EVERY_RESOURCE) {
            var reply = withBody(api.call(e.method(), e.path()), e.method()).send();
            assertEquals(401, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"), reply::toString);
        }
    }

    @Test
    void wrongRoleIsForbiddenOnEveryResourceThatRestrictsRoles() {
        String agent = user("agent");
        String lead = user("lead");
        List<Object[]> refused = List.of(
                new Object[]{agent, new Endpoint("GET", "api/users")},
                new Object[]{lead, new Endpoint("POST", "api/users")},
                new Object[]{agent, new Endpoint("GET", "api/audit")},
                new Object[]{lead, new Endpoint("POST", "api/templates")},
                new Object[]{lead, new Endpoint("POST", "api/templates/validation")},
                new Object[]{lead, new Endpoint("PUT", "api/templates/firm-diagnostic/draft")},
                new Object[]{lead, new Endpoint("POST", "api/templates/firm-diagnostic/versions/1/publication")},
                new Object[]{lead, new Endpoint("DELETE", "api/templates/firm-diagnostic/versions/1")});
        for (Object[] row : refused) {
            Endpoint e = (Endpoint) row[1];
            var reply = withBody(api.call(e.method(), e.path()), e.method()).as((String) row[0], PASSWORD).send();
            assertEquals(403, reply.status(), reply::toString);
            assertTrue(reply.json().getString("detail").contains("role"), reply::toString);
        }
        // and the same people are let in where their role belongs
        assertEquals(200, api.get("api/templates").as(lead, PASSWORD).send().status());
        assertEquals(200, api.get("api/session").as(agent, PASSWORD).send().status());
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String agent = user("agent");
        var wrongPassword = api.get("api/templates").as(agent, "not the password").send();
        var unknownUser = api.get("api/templates").as("nobody@example.org", "not the password").send();
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.json().getString("detail"), unknownUser.json().getString("detail"));
    }

    @Test
    void browserSessionIsHttpOnlySameSiteAndWritesNeedTheCsrfToken() {
        String agent = user("agent");
        var login = api.post("api/session", """
                {"email": "%s", "password": "%s"}""".formatted(agent.toUpperCase(), PASSWORD)).send();
        assertEquals(200, login.status(), login::toString);
        String cookie = login.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        String csrf = login.json().getString("csrfToken");
        assertTrue(csrf.length() >= 40, "CSRF token carries 256 random bits");

        assertEquals(agent, api.get("api/session").send().json().getString("email"), "the cookie alone logs in");
        String template = Fixtures.template(Fixtures.uniqueId("csrf"), "Label");
        var forged = api.post("api/templates/validation", template).send();
        assertEquals(403, forged.status(), forged::toString);
        assertTrue(forged.json().getString("detail").contains("X-CSRF-Token"));
        var genuine = api.post("api/templates/validation", template).header("X-CSRF-Token", csrf).send();
        assertEquals(200, genuine.status(), genuine::toString);

        assertEquals(204, api.delete("api/session").header("X-CSRF-Token", csrf).send().status());
        assertEquals(401, api.get("api/session").send().status(), "logged out");
    }

    @Test
    void badLoginIsRefusedAndCreatesNoSession() {
        var reply = api.post("api/session", """
                {"email": "admin@clusterlens.local", "password": "guess"}""").send();
        assertEquals(401, reply.status());
        assertEquals(401, api.get("api/session").send().status());
    }

    @Test
    void adminsManageUsersAndEveryChangeIsAudited() {
        String lead = user("lead");
        var users = api.get("api/users").asAdmin().send().array();
        var created = users.stream().map(v -> v.asJsonObject())
                .filter(u -> u.getString("email").equals(lead)).findFirst().orElseThrow();
        assertFalse(created.toString().contains("password"), "no password or hash ever leaves the server");
        long id = created.getJsonNumber("id").longValue();

        var changed = api.call("PATCH", "api/users/" + id).json("""
                {"roles": ["lead", "agent"], "displayName": "Amina 🌍 أمينة"}""").asAdmin().send();
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("Amina 🌍 أمينة", changed.json().getString("displayName"));
        assertEquals(200, api.post("api/templates/validation", "{}").as(lead, PASSWORD).send().status(),
                "the new role takes effect on the next request");

        var disabled = api.call("PATCH", "api/users/" + id).json("{\"enabled\": false}").asAdmin().send();
        assertEquals(200, disabled.status());
        assertEquals(401, api.get("api/templates").as(lead, PASSWORD).send().status(), "disabled users cannot log in");

        assertEquals(204, api.delete("api/users/" + id).asAdmin().send().status());
        var audit = api.get("api/audit?subjectType=user&subjectId=" + lead).asAdmin().send().array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("DELETED", "CHANGED", "CHANGED", "CREATED"), actions);
        audit.forEach(v -> assertEquals(ItEnvironment.ADMIN_EMAIL, v.asJsonObject().getString("actor")));
    }

    @Test
    void passwordsAreStoredAsSaltedPbkdf2HashesOnly() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("clusterlens.it.database")),
                "reads the table directly, which the embedded H2 file does not allow while the server runs");
        String agent = user("agent");
        String other = user("agent");
        try (Connection c = DriverManager.getConnection(System.getProperty("clusterlens.it.postgres.url"),
                System.getProperty("clusterlens.it.postgres.user"), "");
             PreparedStatement query = c.prepareStatement("SELECT password_hash FROM app_user WHERE email IN (?, ?)")) {
            query.setString(1, agent);
            query.setString(2, other);
            List<String> hashes = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
            assertEquals(2, hashes.size());
            for (String hash : hashes) {
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:210000:"), hash);
                assertFalse(hash.contains(PASSWORD));
            }
            assertNotEquals(hashes.get(0), hashes.get(1), "same password, different salts");
        }
    }

    @Test
    void duplicateEmailIsAConflictNotASecondUser() {
        String agent = user("agent");
        var again = api.post("api/users", """
                {"email": "%s", "displayName": "Again", "password": "%s", "roles": ["agent"]}
                """.formatted(agent.toUpperCase(), PASSWORD)).asAdmin().send();
        assertEquals(409, again.status(), again::toString);
    }

    // Protected sign-in. Every test signs in as accounts of its own: the throttle counts per account,
    // and all tests come from 127.0.0.1, whose per-address budget (50 failures) this class stays below.

    private JsonObject createUser(String role) {
        String email = Fixtures.uniqueId("signin-" + role) + "@example.org";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": "Sign-in %s", "password": "%s", "roles": ["%s"]}
                """.formatted(email, role, PASSWORD, role)).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private Api.Reply sessionLogin(Api client, String email, String password) {
        return client.post("api/session", """
                {"email": "%s", "password": "%s"}""".formatted(email, password)).send();
    }

    private Api.Reply basic(String email, String password) {
        return api.get("api/session").as(email, password).send();
    }

    private Api.Reply bearer(Api.Call call, String token) {
        return call.header("Authorization", "Bearer " + token).send();
    }

    private static void assertThrottled(Api.Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertNotNull(reply.header("Retry-After"), reply::toString);
        assertTrue(Long.parseLong(reply.header("Retry-After")) >= 1, reply::toString);
    }

    private static void waitOut(Api.Reply throttled) throws InterruptedException {
        Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000 + 200);
    }

    private List<String> auditActions(String subjectType, String subjectId) {
        var entries = api.get("api/audit?subjectType=" + subjectType + "&subjectId=" + subjectId).asAdmin().send().array();
        return entries.stream().map(v -> v.asJsonObject().getString("action")).toList();
    }

    @Test
    void afterFiveWrongPasswordsTheSessionLoginWaitsThenTheRightPasswordWorks() throws Exception {
        String agent = user("agent");
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, sessionLogin(api, agent, "wrong guess " + i).status(), "failure " + i);
        }
        Api.Reply sixth = sessionLogin(api, agent, "wrong guess 6");
        assertThrottled(sixth);
        assertEquals("1", sixth.header("Retry-After"), "the first wait is one second");
        assertThrottled(sessionLogin(api, agent, PASSWORD));
        assertEquals(401, api.get("api/session").send().status(), "a throttled right password opens no session");

        waitOut(sixth);
        Api.Reply login = sessionLogin(api, agent, PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(agent, api.get("api/session").send().json().getString("email"));

        // the success cleared the account: the next wrong password is refused, not throttled
        assertEquals(401, sessionLogin(new Api(base), agent, "wrong again").status());

        var audit = api.get("api/audit?subjectType=sign-in&subjectId=" + agent).asAdmin().send().array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("LOGIN_FAILED", "LOGGED_IN", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "LOGIN_FAILED"), actions, "throttled tries are not logged, checked ones are");
        assertTrue(audit.getJsonObject(1).getString("detail").contains("session"), audit::toString);
        assertTrue(audit.getJsonObject(2).getString("detail").contains("wrong password"), audit::toString);
        assertFalse(audit.toString().contains("wrong guess"), "no password ever reaches the log");
    }

    @Test
    void afterFiveWrongPasswordsHttpBasicWaitsThenTheRightPasswordWorks() throws Exception {
        String lead = user("lead");
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, basic(lead, "wrong guess " + i).status(), "failure " + i);
        }
        Api.Reply sixth = basic(lead, "wrong guess 6");
        assertThrottled(sixth);
        assertThrottled(api.get("api/templates").as(lead, PASSWORD).send());

        waitOut(sixth);
        assertEquals(200, api.get("api/templates").as(lead, PASSWORD).send().status());
        List<String> actions = auditActions("sign-in", lead);
        assertEquals("LOGGED_IN", actions.getFirst());
        assertEquals(5, actions.stream().filter("LOGIN_FAILED"::equals).count(), actions::toString);
    }

    @Test
    void anUnknownEmailIsAnsweredLikeAKnownOneAndTakesAsLong() {
        String known = user("agent");
        String unknown = Fixtures.uniqueId("nobody") + "@example.org";
        List<Integer> knownStatuses = new ArrayList<>();
        List<Integer> unknownStatuses = new ArrayList<>();
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        String knownDetail = null;
        String unknownDetail = null;
        for (int i = 0; i < 6; i++) {
            Api.Reply k = timed(() -> sessionLogin(api, known, "wrong guess"), knownNanos);
            Api.Reply u = timed(() -> sessionLogin(api, unknown, "wrong guess"), unknownNanos);
            knownStatuses.add(k.status());
            unknownStatuses.add(u.status());
            if (i == 0) {
                knownDetail = k.json().getString("detail");
                unknownDetail = u.json().getString("detail");
            }
            if (k.status() == 429) {
                assertEquals(k.header("Retry-After"), u.header("Retry-After"));
                assertEquals(k.json().getString("detail"), u.json().getString("detail"));
            }
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429), knownStatuses);
        assertEquals(knownStatuses, unknownStatuses, "the same answers, in the same order");
        assertEquals(knownDetail, unknownDetail);

        // a password hash takes a tenth of a second; skipping it for unknown emails would show
        long knownMedian = median(knownNanos.subList(0, 5));
        long unknownMedian = median(unknownNanos.subList(0, 5));
        assertTrue(unknownMedian * 2.5 > knownMedian && knownMedian * 2.5 > unknownMedian,
                "known " + knownMedian / 1_000_000 + " ms, unknown " + unknownMedian / 1_000_000 + " ms");

        var audit = api.get("api/audit?subjectType=sign-in&subjectId=" + unknown).asAdmin().send().array();
        assertEquals(5, audit.size(), audit::toString);
        assertTrue(audit.getJsonObject(0).getString("detail").contains("no such account"),
                "admins reading the audit log are told what callers are not");
    }

    private static Api.Reply timed(Supplier<Api.Reply> call, List<Long> nanos) {
        long start = System.nanoTime();
        Api.Reply reply = call.get();
        nanos.add(System.nanoTime() - start);
        return reply;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private JsonObject createToken(String email, String password, String body) {
        var reply = api.post("api/tokens", body).as(email, password).send();
        assertEquals(201, reply.status(), reply::toString);
        assertNotNull(reply.header("Location"));
        return reply.json();
    }

    @Test
    void aTokenIsShownOnceWorksWithoutCsrfAndStopsWorkingWhenRevoked() {
        String agent = user("agent");
        JsonObject created = createToken(agent, PASSWORD, "{\"name\": \"nightly export\"}");
        String token = created.getString("token");
        assertTrue(token.startsWith("clt_"), token);
        long id = created.getJsonNumber("id").longValue();

        assertEquals(200, bearer(api.get("api/templates"), token).status());
        Api.Reply me = bearer(api.get("api/session"), token);
        assertEquals(agent, me.json().getString("email"), "the token acts as its user");
        assertEquals(200, bearer(api.post("api/templates/validation", "{}"), token).status(),
                "a write with a token needs no CSRF header: no browser sends one by itself");
        assertEquals(403, bearer(api.get("api/users"), token).status(), "and with no more than the user's roles");

        var listed = api.get("api/tokens").as(agent, PASSWORD).send();
        assertEquals(200, listed.status());
        JsonObject view = listed.array().getJsonObject(0);
        assertEquals("nightly export", view.getString("name"));
        assertFalse(view.containsKey("token"));
        assertFalse(listed.body().contains(token.substring(4)), "the secret is never shown again");
        assertFalse(view.isNull("lastUsedAt"), "its use was noted");

        String other = user("agent");
        assertEquals(404, api.delete("api/tokens/" + id).as(other, PASSWORD).send().status(),
                "another user's token is not theirs to see or revoke");
        assertEquals(200, bearer(api.get("api/templates"), token).status());

        assertEquals(204, api.delete("api/tokens/" + id).as(agent, PASSWORD).send().status());
        Api.Reply revoked = bearer(api.get("api/templates"), token);
        assertEquals(401, revoked.status(), revoked::toString);
        assertTrue(revoked.contentType().startsWith("application/problem+json"));
        assertEquals(401, bearer(api.get("api/templates"), "clt_not-even-a-token").status());
        assertEquals(List.of("REVOKED", "CREATED"), auditActions("api-token", String.valueOf(id)));
    }

    @Test
    void anExpiredTokenOrOneOfADisabledUserIsRefused() throws Exception {
        JsonObject user = createUser("lead");
        String lead = user.getString("email");
        var past = api.post("api/tokens", "{\"name\": \"late\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}")
                .as(lead, PASSWORD).send();
        assertEquals(400, past.status(), past::toString);
        assertEquals("/expiresAt", past.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Instant soon = Instant.now().plusSeconds(3);
        JsonObject shortLived = createToken(lead, PASSWORD, "{\"name\": \"short\", \"expiresAt\": \"" + soon + "\"}");
        String token = shortLived.getString("token");
        JsonObject lasting = createToken(lead, PASSWORD, "{\"name\": \"lasting\"}");
        assertEquals(200, bearer(api.get("api/templates"), token).status());
        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 300);
        assertEquals(401, bearer(api.get("api/templates"), token).status(), "expired");

        long id = user.getJsonNumber("id").longValue();
        assertEquals(200, api.call("PATCH", "api/users/" + id).json("{\"enabled\": false}").asAdmin().send().status());
        assertEquals(401, bearer(api.get("api/templates"), lasting.getString("token")).status(), "user disabled");
    }

    @Test
    void changingYourPasswordEndsYourOtherSessionsAndTokensButNotThisSession() {
        String agent = user("agent");
        Api mine = new Api(base);
        Api other = new Api(base);
        String csrf = sessionLogin(mine, agent, PASSWORD).json().getString("csrfToken");
        assertEquals(200, sessionLogin(other, agent, PASSWORD).status());
        String token = createToken(agent, PASSWORD, "{\"name\": \"script\"}").getString("token");

        var common = mine.put("api/session/password", """
                {"currentPassword": "%s", "newPassword": "Password1234"}""".formatted(PASSWORD))
                .header("X-CSRF-Token", csrf).send();
        assertEquals(400, common.status(), common::toString);
        assertEquals("/newPassword", common.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var wrongCurrent = mine.put("api/session/password", """
                {"currentPassword": "not it at all", "newPassword": "%s"}""".formatted(NEW_PASSWORD))
                .header("X-CSRF-Token", csrf).send();
        assertEquals(400, wrongCurrent.status(), wrongCurrent::toString);
        assertEquals("/currentPassword", wrongCurrent.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, other.get("api/session").send().status(), "nothing changed yet");

        var changed = mine.put("api/session/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(PASSWORD, NEW_PASSWORD))
                .header("X-CSRF-Token", csrf).send();
        assertEquals(204, changed.status(), changed::toString);

        assertEquals(401, other.get("api/session").send().status(), "the other browser is signed out");
        assertEquals(401, bearer(api.get("api/templates"), token).status(), "the token is ended");
        assertEquals(200, mine.get("api/session").send().status(), "the changer stays signed in");
        assertEquals(200, mine.post("api/templates/validation", "{}").header("X-CSRF-Token", csrf).send().status());
        assertEquals(401, basic(agent, PASSWORD).status(), "the old password is gone");
        assertEquals(200, basic(agent, NEW_PASSWORD).status());
        assertEquals(0, api.get("api/tokens").as(agent, NEW_PASSWORD).send().array().size());
        assertEquals("CHANGED", auditActions("user", agent).getFirst());
    }

    @Test
    void anAdminsResetEndsEverySessionAndTokenOfThatUser() {
        JsonObject user = createUser("agent");
        String agent = user.getString("email");
        long id = user.getJsonNumber("id").longValue();
        Api browser = new Api(base);
        assertEquals(200, sessionLogin(browser, agent, PASSWORD).status());
        String token = createToken(agent, PASSWORD, "{\"name\": \"script\"}").getString("token");

        var common = api.call("PATCH", "api/users/" + id).json("{\"password\": \"qwertyuiop12\"}").asAdmin().send();
        assertEquals(400, common.status(), common::toString);
        assertEquals("/password", common.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, browser.get("api/session").send().status(), "a refused reset ends nothing");

        var reset = api.call("PATCH", "api/users/" + id).json("{\"password\": \"" + NEW_PASSWORD + "\"}").asAdmin().send();
        assertEquals(200, reset.status(), reset::toString);
        assertEquals(401, browser.get("api/session").send().status());
        assertEquals(401, bearer(api.get("api/templates"), token).status());
        assertEquals(200, sessionLogin(browser, agent, NEW_PASSWORD).status());

        // disabling ends the session too, and enabling again does not bring it back
        assertEquals(200, api.call("PATCH", "api/users/" + id).json("{\"enabled\": false}").asAdmin().send().status());
        assertEquals(401, browser.get("api/session").send().status());
        assertEquals(200, api.call("PATCH", "api/users/" + id).json("{\"enabled\": true}").asAdmin().send().status());
        assertEquals(401, browser.get("api/session").send().status());
    }

    @Test
    void newUsersWithACommonPasswordOrTheirOwnEmailAreRefusedNamingTheField() {
        String email = Fixtures.uniqueId("weak") + "@example.org";
        for (String weak : new String[]{"password1234", "ILoveYou2024!", email, "zzzzzzzzzzzzzz"}) {
            var reply = api.post("api/users", """
                    {"email": "%s", "displayName": "Weak", "password": "%s", "roles": ["agent"]}
                    """.formatted(email, weak)).asAdmin().send();
            assertEquals(400, reply.status(), weak + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("/password", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), weak);
        }
        assertFalse(api.get("api/users").asAdmin().send().body().contains(email), "none of them was created");
    }
}
