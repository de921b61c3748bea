package org.clusterlens.studies;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Deployments;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.StudyFixtures;
import org.clusterlens.testing.StudyFixtures.Ready;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.clusterlens.testing.StudyFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an agent does to collect answers: study, register, invitations, progress. */
@ClusterLensIT
@RunAsClient
class StudiesIT {
    private static final String PASSWORD = "a long enough password ✓";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    StudyFixtures fixtures;

    @BeforeEach
    void client() {
        api = new Api(base);
        fixtures = new StudyFixtures(api);
    }

    @Test
    void agentSetsUpAStudyWithThePublishedFirmDiagnosticAndAWave() {
        Ready ready = fixtures.study("Bakery cluster Thiès", "fr");
        JsonObject study = api.get("api/studies/" + ready.studyId()).asAdmin().send().json();
        assertEquals("Bakery cluster Thiès", study.getString("name"));
        assertEquals(List.of("en", "fr"), study.getJsonArray("languages").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(5, study.getInt("k"));
        JsonObject template = study.getJsonArray("templates").getJsonObject(0);
        assertEquals("firm", template.getString("actorType"));
        assertEquals("firm-diagnostic", template.getString("templateId"));
        assertEquals("Baseline", study.getJsonArray("waves").getJsonObject(0).getString("name"));
        assertTrue(api.get("api/studies").asAdmin().send().array().getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getJsonNumber("id").longValue() == ready.studyId()));
    }

    @Test
    void onlyAPublishedTemplateVersionCanBeAssigned() {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        String id = Fixtures.uniqueId("draft-form");
        assertEquals(201, api.post("api/templates", Fixtures.template(id, "Story")).asAdmin().send().status());
        var draft = api.put("api/studies/" + ready.studyId() + "/templates/institution",
                "{\"templateId\": \"" + id + "\", \"version\": 1}").asAdmin().send();
        assertEquals(409, draft.status(), draft::toString);
        var unknownType = api.put("api/studies/" + ready.studyId() + "/templates/bank",
                "{\"templateId\": \"firm-diagnostic\", \"version\": 1}").asAdmin().send();
        assertEquals(400, unknownType.status(), unknownType::toString);
    }

    @Test
    void aBadRegisterFileListsEveryBadRowAndImportsNothingThenTheFixedFileImportsAndReimportUpdates() {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        String bad = "\uFEFF" + HEADER
                + "F1,\"Boulangerie Ndiaye, fils\",firm,food_processing,small,Thiès,ndiaye@example.org,\r\n"
                + "F2,Atelier Diallo,factory,,,,,\r\n"
                + "F3,,firm,,,,,\r\n"
                + "F4,Menuiserie,firm,,,,not an email,\r\n"
                + "F1,Doublon,firm,,,,,\r\n"
                + "F6,Too few columns,firm\r\n";
        var refused = fixtures.importActors(ready.studyId(), bad);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("line 3, column type", "line 4, column name", "line 5, column email",
                "line 6, column external_id", "line 7"), fields);
        assertEquals(0, api.get("api/studies/" + ready.studyId() + "/actors").asAdmin().send().array().size());

        String fixed = "\uFEFF" + HEADER
                + "F1,\"Boulangerie Ndiaye, fils\",firm,food_processing,small,Thiès,ndiaye@example.org,\r\n"
                + "F2,Atelier Diallo,firm,,,,,\r\n"
                + "I1,\"Chambre de Métiers \"\"CMA\"\"\",institution,,,,,\r\n"
                + "F4,\"Menuiserie\ndu port\",firm,,,,,\r\n";
        var imported = fixtures.importActors(ready.studyId(), fixed);
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(4, imported.json().getInt("created"));
        assertEquals(0, imported.json().getInt("updated"));

        var again = fixtures.importActors(ready.studyId(), HEADER + "F2,Atelier Diallo & Fils,firm,wood,,,,\r\n"
                + "F9,Nouvelle boulangerie,firm,,,,,\r\n");
        assertEquals(200, again.status(), again::toString);
        assertEquals(1, again.json().getInt("created"));
        assertEquals(1, again.json().getInt("updated"));
        JsonArray register = api.get("api/studies/" + ready.studyId() + "/actors").asAdmin().send().array();
        assertEquals(5, register.size());
        JsonArray found = api.get("api/studies/" + ready.studyId() + "/actors?q=diallo").asAdmin().send().array();
        assertEquals(1, found.size());
        assertEquals("Atelier Diallo & Fils", found.getJsonObject(0).getString("name"));
        assertEquals("wood", found.getJsonObject(0).getString("sector"));
        assertTrue(register.getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> a.getString("name").equals("Chambre de Métiers \"CMA\"")));
    }

    @Test
    void invitationEmailArrivesWithALinkThatOpensTheQuestionnaire() throws Exception {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "fr");
        String email = Fixtures.uniqueId("firm") + "@example.org";
        assertEquals(200, fixtures.importActors(ready.studyId(), HEADER
                + "F1,Boulangerie Ndiaye,firm,,,," + email + ",\r\nF2,Sans adresse,firm,,,,,\r\n").status());
        JsonArray invitations = fixtures.inviteAll(ready, true);
        assertEquals(2, invitations.size());
        JsonObject withEmail = invitations.getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("actorName").equals("Boulangerie Ndiaye")).findFirst().orElseThrow();
        assertEquals("queued", withEmail.getString("emailStatus"), withEmail::toString);
        assertTrue(withEmail.getString("link").matches("/respond/[A-Za-z0-9_-]{43}"), withEmail::toString);
        JsonObject withoutEmail = invitations.getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("actorName").equals("Sans adresse")).findFirst().orElseThrow();
        assertEquals(JsonValue.NULL, withoutEmail.getOrDefault("emailStatus", JsonValue.NULL), "no address, no email");

        MimeMessage message = awaitEmailTo(email);
        JsonObject sent = fixtures.awaitEmailStatus(ready, withEmail.getJsonNumber("invitationId").longValue(), "sent",
                Duration.ofSeconds(30));
        assertFalse(sent.isNull("lastSentAt"), sent::toString);
        String body = (String) message.getContent();
        assertTrue(body.contains("Bonjour Boulangerie Ndiaye"), body);
        String link = body.lines().map(String::strip).filter(l -> l.contains("/respond/")).findFirst().orElseThrow();
        assertTrue(link.endsWith(withEmail.getString("link")), link);
        var opened = api.get("api/respond/" + StudyFixtures.token(URI.create(link).getPath())).send();
        assertEquals(200, opened.status(), opened::toString);
        assertEquals("Boulangerie Ndiaye", opened.json().getJsonObject("actor").getString("name"));

        // inviting again keeps the invitations, and shows no link: the server does not know the tokens
        JsonArray again = fixtures.inviteAll(ready, false);
        assertEquals(2, again.size());
        assertFalse(again.getJsonObject(0).containsKey("link") && !again.getJsonObject(0).isNull("link"));
    }

    @Test
    void aWholeRegisterIsInvitedAtOnceAndEveryEmailGoesOutAfterwards() throws Exception {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        String domain = Fixtures.uniqueId("bulk") + ".example.org";
        StringBuilder csv = new StringBuilder(HEADER);
        int firms = 150;
        for (int i = 1; i <= firms; i++) {
            csv.append("B").append(i).append(",Firm ").append(i).append(",firm,,,,owner").append(i).append('@')
                    .append(domain).append(",\r\n");
        }
        assertEquals(200, fixtures.importActors(ready.studyId(), csv.toString()).status());

        JsonArray invitations = fixtures.inviteAll(ready, true);
        assertEquals(firms, invitations.size());
        assertTrue(invitations.getValuesAs(JsonObject.class).stream()
                .allMatch(i -> "queued".equals(i.getString("emailStatus"))), "the request only queues the emails");

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<JsonObject> listed;
        do {
            Thread.sleep(250);
            listed = api.get(ready.wavePath() + "/invitations").asAdmin().send().array().getValuesAs(JsonObject.class);
        } while (listed.stream().anyMatch(i -> "queued".equals(i.getString("emailStatus"))) && System.nanoTime() < deadline);
        assertEquals(firms, listed.stream().filter(i -> "sent".equals(i.getString("emailStatus"))).count(),
                () -> "every invitation says its email went out");
        long received = Arrays.stream(ItEnvironment.mail().getReceivedMessages())
                .filter(m -> recipient(m).endsWith("@" + domain)).map(StudiesIT::recipient).distinct().count();
        assertEquals(firms, received, "one email per firm, none lost, none twice");
    }

    @Test
    void progressCountsInvitationsByActorTypeAndStatus() {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        assertEquals(200, fixtures.importActors(ready.studyId(), HEADER
                + "F1,One,firm,,,,,\r\nF2,Two,firm,,,,,\r\nF3,Three,firm,,,,,\r\nI1,Chamber,institution,,,,,\r\n").status());
        Map<String, Long> actors = fixtures.actors(ready.studyId());
        var invited = api.post(ready.wavePath() + "/invitations",
                "{\"actorIds\": [" + actors.get("F1") + ", " + actors.get("F2") + ", " + actors.get("F3") + "], \"send\": false}")
                .asAdmin().send();
        assertEquals(200, invited.status(), invited::toString);
        List<String> tokens = invited.array().getValuesAs(JsonObject.class).stream()
                .map(i -> StudyFixtures.token(i.getString("link"))).toList();
        assertEquals(200, api.get("api/respond/" + tokens.get(0)).send().status());
        assertEquals(200, api.get("api/respond/" + tokens.get(1)).send().status());
        assertEquals(200, api.put("api/respond/" + tokens.get(1) + "/draft",
                "{\"answers\": {\"consent\": \"yes\"}, \"language\": \"en\", \"revision\": 0}").send().status());
        var submitted = api.post("api/respond/" + tokens.get(2) + "/submission",
                "{\"submissionId\": \"" + java.util.UUID.randomUUID() + "\", \"language\": \"en\", "
                        + "\"answers\": {\"interview_date\": \"2026-01-15\", \"consent\": \"no\"}}").send();
        assertEquals(201, submitted.status(), submitted::toString);

        JsonObject progress = api.get(ready.wavePath() + "/progress").asAdmin().send().json();
        JsonObject firms = progress.getJsonObject("firm");
        assertEquals(3, firms.getInt("invited"));
        assertEquals(1, firms.getInt("opened"));
        assertEquals(1, firms.getInt("inProgress"));
        assertEquals(1, firms.getInt("submitted"));
        assertEquals(0, progress.getJsonObject("institution").getInt("invited"));
        assertEquals(3, progress.getJsonObject("all").getInt("invited"));
    }

    @Test
    void revokedLinkIsGoneAndAReissuedLinkWorksWhileTheOldOneDoesNot() {
        StudyFixtures.Invited invited = fixtures.oneFirm("Atelier Sow");
        String token = invited.token();
        JsonObject opened = api.get("api/respond/" + token).send().json();
        assertEquals("opened", opened.getString("status"));
        long invitationId = invited.invitationId();
        var revoked = api.post("api/invitations/" + invitationId + "/revocation", "{}").asAdmin().send();
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("revoked", revoked.json().getString("status"));
        var gone = api.get("api/respond/" + token).send();
        assertEquals(410, gone.status(), gone::toString);
        assertTrue(gone.contentType().startsWith("application/problem+json"));

        var reissued = api.post("api/invitations/" + invitationId + "/reissue", "{}").asAdmin().send();
        assertEquals(200, reissued.status(), reissued::toString);
        String newToken = StudyFixtures.token(reissued.json().getString("link"));
        assertNotEquals(token, newToken);
        assertEquals(200, api.get("api/respond/" + newToken).send().status());
        assertEquals(404, api.get("api/respond/" + token).send().status());
    }

    @Test
    void reminderSendsANewLinkByEmail() throws Exception {
        Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        String email = Fixtures.uniqueId("remind") + "@example.org";
        assertEquals(200, fixtures.importActors(ready.studyId(), HEADER + "F1,Late firm,firm,,,," + email + ",\r\n").status());
        JsonObject invitation = fixtures.inviteAll(ready, false).getJsonObject(0);
        String first = StudyFixtures.token(invitation.getString("link"));
        var reminded = api.post("api/invitations/" + invitation.getJsonNumber("invitationId") + "/reminder", "{}")
                .asAdmin().send();
        assertEquals(200, reminded.status(), reminded::toString);
        assertEquals("queued", reminded.json().getString("emailStatus"), reminded::toString);
        MimeMessage message = awaitEmailTo(email);
        String body = (String) message.getContent();
        assertTrue(body.startsWith("Hello Late firm"), body);
        assertTrue(body.contains(reminded.json().getString("link")), body);
        assertEquals(404, api.get("api/respond/" + first).send().status());
    }

    @Test
    void unknownTokenIsNotFoundAndSaysNothingMore() {
        var unknown = api.get("api/respond/" + "x".repeat(43)).send();
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("This link is not valid.", unknown.json().getString("detail"));
        assertEquals(404, api.put("api/respond/nope/draft", "{\"answers\": {}, \"language\": \"en\", \"revision\": 0}")
                .send().status());
        assertEquals(404, api.get("api/respond/open/" + "y".repeat(43)).send().status());
    }

    private static final List<String[]> AGENT_ENDPOINTS = List.of(
            new String[]{"POST", "api/studies"},
            new String[]{"GET", "api/studies"},
            new String[]{"GET", "api/studies/1"},
            new String[]{"PUT", "api/studies/1/templates/firm"},
            new String[]{"POST", "api/studies/1/waves"},
            new String[]{"POST", "api/studies/1/actors"},
            new String[]{"POST", "api/studies/1/actors/import"},
            new String[]{"GET", "api/studies/1/actors"},
            new String[]{"PUT", "api/studies/1/open-link"},
            new String[]{"POST", "api/studies/1/waves/1/invitations"},
            new String[]{"GET", "api/studies/1/waves/1/invitations"},
            new String[]{"GET", "api/studies/1/waves/1/progress"},
            new String[]{"GET", "api/studies/1/waves/1/responses"},
            new String[]{"GET", "api/studies/1/waves/1/answers.csv"},
            new String[]{"POST", "api/invitations/1/revocation"},
            new String[]{"POST", "api/invitations/1/reissue"},
            new String[]{"POST", "api/invitations/1/reminder"},
            new String[]{"GET", "api/responses/1"},
            new String[]{"POST", "api/responses/1/reopening"});

    @Test
    void anonymousCallersAreAskedToLogInOnEveryAgentEndpoint() {
        for (String[] e : AGENT_ENDPOINTS) {
            var reply = call(e).send();
            assertEquals(401, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        }
    }

    @Test
    void leadsReadResultsButEveryWriteAndTheInvitationListNeedAnAgent() {
        String lead = user("lead");
        for (String[] e : AGENT_ENDPOINTS) {
            var reply = call(e).as(lead, PASSWORD).send();
            // who was invited and how far each got is fieldwork, not a result
            boolean readsResults = e[0].equals("GET") && !e[1].endsWith("/invitations");
            if (readsResults) {
                assertNotEquals(401, reply.status(), reply::toString);
                assertNotEquals(403, reply.status(), reply::toString);
            } else {
                assertEquals(403, reply.status(), reply::toString);
                assertTrue(reply.json().getString("detail").contains("agent"), reply::toString);
            }
        }
        String agent = user("agent");
        var created = api.post("api/studies", "{\"name\": \"By an agent\", \"languages\": [\"en\"]}")
                .as(agent, PASSWORD).send();
        assertEquals(201, created.status(), created::toString);
        assertNull(created.json().getString("product", null));
    }

    private Api.Call call(String[] endpoint) {
        Api.Call call = api.call(endpoint[0], endpoint[1]);
        if (endpoint[1].endsWith("/import")) {
            return call.bytes(StudyFixtures.HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        }
        return endpoint[0].equals("GET") ? call : call.json("{}");
    }

    private String user(String role) {
        String email = Fixtures.uniqueId(role) + "@example.org";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": "Test %s", "password": "%s", "roles": ["%s"]}
                """.formatted(email, role, PASSWORD, role)).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return email;
    }

    /** The email to an address, once the background queue has sent it. */
    private static MimeMessage awaitEmailTo(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var found = Arrays.stream(ItEnvironment.mail().getReceivedMessages())
                    .filter(m -> recipient(m).equals(address)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(System.nanoTime() < deadline, "no email reached " + address + " within 30 s");
            Thread.sleep(100);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
