package org.clusterlens.accounts;

import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Deployments;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ItEnvironment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ClusterLensIT
@RunAsClient
class AccessIT {
    private static final String PASSWORD = "a long enough password ✓";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
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
}
