package org.clusterlens.studies;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.clusterlens.studies.control.Csv;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Exported;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures.Ready;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.clusterlens.testing.StudyFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an agent does to collect answers (study, register, invitations, progress), and who in a
 * study's team gets to see what.
 */
@ClusterLensIT
class StudiesIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    @ServerUrl
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
            new String[]{"GET", "api/studies/1/waves/1/export.xlsx"},
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

    // Study teams: per-study access, and what agents and leads each get to see.

    private String user(String... roles) {
        String email = Fixtures.uniqueId(roles[0]) + "@example.org";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": "Test %s", "password": "%s", "roles": ["%s"]}
                """.formatted(email, roles[0], PASSWORD, String.join("\", \"", roles))).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return email;
    }

    private long userId(String email) {
        return api.get("api/users").asAdmin().send().array().getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("email").equals(email)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private Api.Reply addMember(long studyId, String email, String role, String by) {
        Api.Call call = api.post("api/studies/" + studyId + "/members",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}");
        return (by == null ? call.asAdmin() : call.as(by, PASSWORD)).send();
    }

    /** A study an agent created, with three firms; the first answered, naming the second as a supplier. */
    private record Answered(Ready ready, String agent, Map<String, Long> actors, long invitationId, long responseId) {
    }

    private Answered answeredStudy(String firstName) {
        String agent = user("agent");
        var created = api.post("api/studies", "{\"name\": \"" + Fixtures.uniqueId("team") + "\", \"languages\": [\"en\", \"fr\"]}")
                .as(agent, PASSWORD).send();
        assertEquals(201, created.status(), created::toString);
        long studyId = created.json().getJsonNumber("id").longValue();
        assertEquals("agent", created.json().getString("myRole"));
        int version = fixtures.publishedFirmDiagnostic();
        assertEquals(200, api.put("api/studies/" + studyId + "/templates/firm",
                "{\"templateId\": \"firm-diagnostic\", \"version\": " + version + "}").as(agent, PASSWORD).send().status());
        var wave = api.post("api/studies/" + studyId + "/waves",
                "{\"name\": \"Baseline\", \"opensOn\": \"2020-01-01\", \"closesOn\": \"2099-12-31\"}").as(agent, PASSWORD).send();
        long waveId = wave.json().getJsonNumber("id").longValue();
        String csv = StudyFixtures.HEADER
                + "F1," + firstName + ",firm,food_processing,small,Thiès,owner@ndiaye.example,+221 77 123 45 67\r\n"
                + "F2,Moulin Sarr,firm,food_processing,micro,Thiès,contact@sarr.example,+221 76 555 00 11\r\n"
                + "F3,Atelier Ba,firm,textiles,small,Thiès,ba@atelier.example,+221 70 999 88 77\r\n";
        var imported = api.post("api/studies/" + studyId + "/actors/import", "")
                .bytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv").as(agent, PASSWORD).send();
        assertEquals(200, imported.status(), imported::toString);
        Map<String, Long> actors = new java.util.HashMap<>();
        api.get("api/studies/" + studyId + "/actors").as(agent, PASSWORD).send().array().getValuesAs(JsonObject.class)
                .forEach(a -> actors.put(a.getString("externalId"), a.getJsonNumber("id").longValue()));
        Ready ready = new Ready(studyId, waveId);
        var invitations = api.post(ready.wavePath() + "/invitations", "{\"actorIds\": [" + actors.get("F1") + "]}")
                .as(agent, PASSWORD).send();
        assertEquals(200, invitations.status(), invitations::toString);
        JsonObject invitation = invitations.array().getJsonObject(0);
        String token = StudyFixtures.token(invitation.getString("link"));
        String answers = """
                {"interview_date": "2026-01-15", "consent": "yes", "firm_name": %s,
                 "sector": "food_processing", "employees_women": 3, "employees_men": 4,
                 "sales_local": 100, "sales_national": 0, "sales_export": 0,
                 "workshop_location": {"lat": 14.791234, "lon": -16.925678, "accuracy": 5},
                 "firm_linkages": [{"actor": %d, "relations": ["buys_from"]}],
                 "constraint_ranking": ["finance", "raw_materials", "skilled_labour", "technology", "market_access"],
                 "joint_action_willingness": "no", "final_comments": "Le moulin de Sarr nous aide beaucoup."}"""
                .formatted(Fixtures.jsonString(firstName), actors.get("F2"));
        var submitted = api.post("api/respond/" + token + "/submission", """
                {"submissionId": "%s", "language": "fr", "answers": %s}""".formatted(UUID.randomUUID(), answers)).send();
        assertEquals(201, submitted.status(), submitted::toString);
        long responseId = api.get(ready.wavePath() + "/responses").as(agent, PASSWORD).send().array()
                .getJsonObject(0).getJsonNumber("id").longValue();
        return new Answered(ready, agent, actors, invitation.getJsonNumber("invitationId").longValue(), responseId);
    }

    record Endpoint(String method, String path) {
    }

    /** Every endpoint of the application whose path names a study or one of its things. */
    private static List<Endpoint> studyScopedEndpoints() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Endpoint> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, StudiesIT.class.getClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new IllegalStateException(name, e);
                }
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Class<? extends Annotation> http : HTTP_METHODS) {
                        if (!method.isAnnotationPresent(http)) {
                            continue;
                        }
                        Path methodPath = method.getAnnotation(Path.class);
                        String path = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                                .replaceAll("/+", "/").replaceFirst("^/", "").replaceFirst("/$", "");
                        if (path.matches("studies/\\{(id|studyId)}.*") || path.matches("(invitations|responses)/\\{id}.*")) {
                            found.add(new Endpoint(http.getSimpleName(), path));
                        }
                    }
                }
            }
        }
        return found;
    }

    private Api.Call call(Endpoint endpoint, Answered study, long userId) {
        return call(endpoint, study, userId, "");
    }

    /** {@code query}: what an endpoint needs besides its path, such as the open link's token for its QR code. */
    private Api.Call call(Endpoint endpoint, Answered study, long userId, String query) {
        long scoped = endpoint.path().startsWith("invitations") ? study.invitationId()
                : endpoint.path().startsWith("responses") ? study.responseId() : study.ready().studyId();
        String path = "api/" + endpoint.path()
                .replace("{id}", String.valueOf(scoped)).replace("{studyId}", String.valueOf(scoped))
                .replace("{waveId}", String.valueOf(study.ready().waveId()))
                .replace("{actorId}", String.valueOf(study.actors().get("F3")))
                .replace("{userId}", String.valueOf(userId))
                .replace("{actorType}", "firm").replace("{format}", "xlsx")
                .replace("{themeId}", endpoint.path().contains("{themeId}") ? String.valueOf(newTheme(study)) : "")
                .replace("{answerKey}", study.responseId() + ".final_comments") + query;
        Api.Call call = api.call(endpoint.method(), path);
        if (path.endsWith("/import")) {
            return call.bytes(StudyFixtures.HEADER.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? call : call.json("{}");
    }

    /** A theme of the study's codebook of its own, so that deleting one leaves the others' calls theirs. */
    private long newTheme(Answered study) {
        var theme = api.post("api/studies/" + study.ready().studyId() + "/themes",
                "{\"name\": \"" + Fixtures.uniqueId("theme") + "\", \"query\": \"moulin\"}").as(study.agent(), PASSWORD).send();
        assertEquals(201, theme.status(), theme::toString);
        return theme.json().getJsonNumber("id").longValue();
    }

    @Test
    void everyStudyEndpointIsNotFoundForAMemberOfAnotherStudyAndOpenToItsOwnAgent() throws IOException {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        Answered other = answeredStudy("Atelier Fall");
        String lead = user("lead");
        assertEquals(201, addMember(study.ready().studyId(), lead, "lead", study.agent()).status());
        long leadId = userId(lead);
        List<Endpoint> endpoints = studyScopedEndpoints();
        assertTrue(endpoints.size() >= 20, "found " + endpoints);

        for (Endpoint e : endpoints) {
            var outsider = call(e, study, leadId).as(other.agent(), PASSWORD).send();
            assertEquals(404, outsider.status(), () -> e + " as an agent of another study: " + outsider);
            assertTrue(outsider.contentType().startsWith("application/problem+json"), outsider::toString);
            var outsiderLead = call(e, other, leadId).as(lead, PASSWORD).send();
            assertTrue(outsiderLead.status() == 404 || outsiderLead.status() == 403,
                    () -> e + " as a lead of another study: " + outsiderLead);
        }
        var link = api.put("api/studies/" + study.ready().studyId() + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .as(study.agent(), PASSWORD).send();
        String openToken = StudyFixtures.token(link.json().getString("link"));
        for (Endpoint e : endpoints) {
            if (!e.method().equals("GET")) {
                continue;
            }
            String query = e.path().endsWith("qr.svg") ? "?token=" + openToken : "";
            var member = call(e, study, leadId, query).as(study.agent(), PASSWORD).send();
            assertEquals(200, member.status(), () -> e + " as the study's agent: " + member);
        }
        for (Endpoint e : endpoints) {
            if (e.method().equals("GET")) {
                continue;
            }
            var member = call(e, study, leadId).as(study.agent(), PASSWORD).send();
            assertNotEquals(404, member.status(), () -> e + " as the study's agent: " + member);
            assertNotEquals(403, member.status(), () -> e + " as the study's agent: " + member);
            assertTrue(member.status() < 500, () -> e + " as the study's agent: " + member);
        }
    }

    @Test
    void studyListsShowOnlyTheCallersStudiesWithTheirRole() {
        Answered mine = answeredStudy("Boulangerie Ndiaye");
        Answered theirs = answeredStudy("Atelier Fall");
        String lead = user("lead");
        assertEquals(201, addMember(mine.ready().studyId(), lead, "lead", mine.agent()).status());

        List<JsonObject> leadSees = api.get("api/studies").as(lead, PASSWORD).send().array().getValuesAs(JsonObject.class);
        assertEquals(List.of(mine.ready().studyId()), leadSees.stream().map(s -> s.getJsonNumber("id").longValue()).toList());
        assertEquals("lead", leadSees.getFirst().getString("myRole"));
        List<Long> agentSees = api.get("api/studies").as(mine.agent(), PASSWORD).send().array()
                .getValuesAs(JsonObject.class).stream().map(s -> s.getJsonNumber("id").longValue()).toList();
        assertTrue(agentSees.contains(mine.ready().studyId()));
        assertFalse(agentSees.contains(theirs.ready().studyId()));
        List<JsonObject> adminSees = api.get("api/studies").asAdmin().send().array().getValuesAs(JsonObject.class);
        assertTrue(adminSees.stream().anyMatch(s -> s.getJsonNumber("id").longValue() == theirs.ready().studyId()
                && s.getString("myRole").equals("admin")));
    }

    @Test
    void agentsManageTheTeamWhichKeepsAnAgentAndEveryChangeIsAudited() {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        long studyId = study.ready().studyId();
        String lead = user("lead");
        String colleague = user("agent");
        assertEquals(201, addMember(studyId, lead, "lead", study.agent()).status());
        var wrongRole = addMember(studyId, lead, "agent", study.agent());
        assertEquals(400, wrongRole.status(), "a lead-only account cannot be an agent of a study");
        assertEquals("/role", wrongRole.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, addMember(studyId, "nobody@example.org", "lead", study.agent()).status());

        var leadAdds = addMember(studyId, colleague, "agent", lead);
        assertEquals(403, leadAdds.status(), "leads do not change the team: " + leadAdds);

        List<JsonObject> team = api.get("api/studies/" + studyId + "/members").as(lead, PASSWORD).send().array()
                .getValuesAs(JsonObject.class);
        assertEquals(Map.of(study.agent(), "agent", lead, "lead"), Map.of(
                team.get(0).getString("email"), team.get(0).getString("role"),
                team.get(1).getString("email"), team.get(1).getString("role")));

        long agentId = userId(study.agent());
        var lastAgent = api.delete("api/studies/" + studyId + "/members/" + agentId).as(study.agent(), PASSWORD).send();
        assertEquals(409, lastAgent.status(), "a study keeps at least one agent: " + lastAgent);
        var demoted = api.put("api/studies/" + studyId + "/members/" + agentId, "{\"role\": \"lead\"}").as(study.agent(), PASSWORD).send();
        assertEquals(409, demoted.status(), demoted::toString);

        assertEquals(201, addMember(studyId, colleague, "agent", study.agent()).status());
        assertEquals(204, api.delete("api/studies/" + studyId + "/members/" + agentId).as(colleague, PASSWORD).send().status());
        assertEquals(404, api.get("api/studies/" + studyId).as(study.agent(), PASSWORD).send().status(),
                "a removed member no longer sees the study");

        String audit = api.get("api/audit?subjectType=study&subjectId=" + studyId).asAdmin().send().body();
        assertTrue(audit.contains("member " + lead + " as lead"), audit);
        assertTrue(audit.contains("member " + study.agent()), audit);
    }

    @Test
    void leadsReadResultsPseudonymisedAndAgentsIdentified() {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        long studyId = study.ready().studyId();
        String lead = user("lead");
        assertEquals(201, addMember(studyId, lead, "lead", study.agent()).status());
        String wave = study.ready().wavePath();
        List<String> secrets = List.of("Boulangerie Ndiaye", "Moulin Sarr", "owner@ndiaye.example", "contact@sarr.example",
                "+221 77 123 45 67", "+221 76 555 00 11", "F1", "14.791234", "-16.925678");

        String leadSummaries = api.get(wave + "/responses").as(lead, PASSWORD).send().body();
        var leadDetail = api.get("api/responses/" + study.responseId()).as(lead, PASSWORD).send();
        assertEquals(200, leadDetail.status(), leadDetail::toString);
        var leadCsv = api.get(wave + "/answers.csv").as(lead, PASSWORD).send();
        assertEquals(200, leadCsv.status(), leadCsv::toString);
        for (String answer : List.of(leadSummaries, leadDetail.body(), leadCsv.body())) {
            for (String secret : secrets) {
                assertFalse(answer.contains(secret), () -> "a lead got " + secret + " in " + answer);
            }
        }
        for (String format : List.of("export.csv", "export.zip", "export.xlsx", "export.csv?choices=labels&multiple=joined")) {
            String export = Exported.text(api.get(wave + "/" + format).as(lead, PASSWORD).download());
            for (String secret : secrets) {
                // as a whole word: an SPSS format such as F17.6 is not the external id F1
                boolean found = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(secret)
                        + "(?![A-Za-z0-9])").matcher(export).find();
                assertFalse(found, () -> "a lead got " + secret + " in " + format + ": " + export);
            }
            assertTrue(export.contains(pseudonymOf(leadCsv.body())), format + " names the actor by pseudonym");
        }
        String agentExports = Exported.text(api.get(wave + "/export.zip").as(study.agent(), PASSWORD).download())
                + Exported.text(api.get(wave + "/export.xlsx").as(study.agent(), PASSWORD).download());
        for (String secret : List.of("Boulangerie Ndiaye", "Moulin Sarr", "F1", "14.791234")) {
            assertTrue(agentExports.contains(secret), "the agent's exports have " + secret);
        }
        String leadRegister = api.get("api/studies/" + studyId + "/actors").as(lead, PASSWORD).send().body();
        assertTrue(leadRegister.contains("Moulin Sarr"), "leads read the register's names");
        assertFalse(leadRegister.contains("contact@sarr.example") || leadRegister.contains("+221"), leadRegister);
        assertEquals(403, api.get(wave + "/invitations").as(lead, PASSWORD).send().status(),
                "who was invited and who answered is fieldwork");

        JsonObject detail = leadDetail.json();
        String pseudonym = detail.getString("pseudonym");
        assertTrue(pseudonym.matches("P-[0-9A-Z]{8}"), pseudonym);
        assertFalse(detail.containsKey("actorName") || detail.containsKey("actorId"), detail::toString);
        JsonObject answers = detail.getJsonObject("answers");
        assertFalse(answers.containsKey("firm_name"), "pii answers are left out");
        assertEquals("14.79", answers.getJsonObject("workshop_location").getJsonNumber("lat").toString());
        assertEquals("-16.93", answers.getJsonObject("workshop_location").getJsonNumber("lon").toString());
        String linked = answers.getJsonArray("firm_linkages").getJsonObject(0).getString("actor");
        assertTrue(linked.matches("P-[0-9A-Z]{8}") && !linked.equals(pseudonym), linked);
        assertEquals("Le moulin de Sarr nous aide beaucoup.", answers.getString("final_comments"),
                "free text stays as typed (reports mask names inside quotes)");

        List<Csv.Record> rows = Csv.parse(leadCsv.body());
        List<String> header = rows.get(0).values();
        assertFalse(header.contains("actor_name") || header.contains("actor_external_id") || header.contains("firm_name"),
                header::toString);
        assertEquals(pseudonym, rows.get(1).values().get(header.indexOf("actor_pseudonym")),
                "the same pseudonym everywhere");

        var agentDetail = api.get("api/responses/" + study.responseId()).as(study.agent(), PASSWORD).send().json();
        assertEquals("Boulangerie Ndiaye", agentDetail.getString("actorName"));
        assertEquals("Boulangerie Ndiaye", agentDetail.getJsonObject("answers").getString("firm_name"));
        assertEquals(pseudonym, agentDetail.getString("pseudonym"));
        String agentCsv = api.get(wave + "/answers.csv").as(study.agent(), PASSWORD).send().body();
        assertTrue(agentCsv.contains("Boulangerie Ndiaye") && agentCsv.contains("14.791234"), agentCsv);
        assertTrue(api.get("api/studies/" + studyId + "/actors").as(study.agent(), PASSWORD).send().body()
                .contains("contact@sarr.example"));
    }

    @Test
    void exportsStreamEachFormatWithItsOptionsAndRefuseWhatMeansNothing() {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        String wave = study.ready().wavePath();
        var csv = api.get(wave + "/export.csv?choices=labels&lang=fr&multiple=joined").as(study.agent(), PASSWORD).download();
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("attachment; filename=\"study-" + study.ready().studyId() + "-wave-" + study.ready().waveId()
                + ".csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        List<Csv.Record> rows = Csv.parse(new String(csv.body(), StandardCharsets.UTF_8));
        List<String> header = rows.get(0).values();
        assertEquals("Transformation agroalimentaire et boissons", rows.get(1).values().get(header.indexOf("sector")),
                "the choice's French label: " + header);
        assertTrue(rows.get(1).values().get(header.indexOf("constraint_ranking")).contains("; "),
                "a ranking joined in order");

        Map<String, String> zip = Exported.files(api.get(wave + "/export.zip").as(study.agent(), PASSWORD).download().body());
        for (String file : List.of("answers.csv", "dictionary.csv", "answers.sps", "answers.do", "firm_linkages.csv")) {
            assertTrue(zip.containsKey(file), file + " in " + zip.keySet());
        }
        String split = zip.get("answers.csv");
        assertTrue(split.contains("constraint_ranking_finance"), "one column per choice by default");
        assertTrue(Exported.cells(api.get(wave + "/export.xlsx").as(study.agent(), PASSWORD).download().body())
                .contains("== dictionary"));

        for (String[] bad : List.of(new String[]{"choices=names", "choices"}, new String[]{"multiple=both", "multiple"},
                new String[]{"lang=de", "lang"})) {
            var refused = api.get(wave + "/export.csv?" + bad[0]).as(study.agent(), PASSWORD).send();
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
            assertEquals(bad[1], refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        var pdf = api.get(wave + "/export.pdf").as(study.agent(), PASSWORD).send();
        assertEquals(404, pdf.status(), pdf::toString);
        assertTrue(pdf.contentType().startsWith("application/problem+json"));
        String audit = api.get("api/audit?subjectType=wave&subjectId=" + study.ready().waveId()).asAdmin().send().body();
        assertTrue(audit.contains("EXPORTED") && audit.contains("xlsx, identified"), audit);
    }

    private static String pseudonymOf(String csv) {
        List<Csv.Record> rows = Csv.parse(csv);
        return rows.get(1).values().get(rows.get(0).values().indexOf("actor_pseudonym"));
    }

    @Test
    void aStudyMayLetItsLeadsSeeIdentitiesAndOnlyItsAgentsDecide() {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        long studyId = study.ready().studyId();
        String lead = user("lead");
        assertEquals(201, addMember(studyId, lead, "lead", study.agent()).status());
        assertEquals(403, api.put("api/studies/" + studyId + "/settings", "{\"leadsSeeIdentities\": true}")
                .as(lead, PASSWORD).send().status());
        var changed = api.put("api/studies/" + studyId + "/settings", "{\"leadsSeeIdentities\": true}")
                .as(study.agent(), PASSWORD).send();
        assertEquals(200, changed.status(), changed::toString);
        assertTrue(changed.json().getBoolean("leadsSeeIdentities"));
        assertFalse(changed.json().getBoolean("strangersSeeRegister"), "settings not sent stay as they were");

        JsonObject detail = api.get("api/responses/" + study.responseId()).as(lead, PASSWORD).send().json();
        assertEquals("Boulangerie Ndiaye", detail.getString("actorName"));
        assertEquals("Boulangerie Ndiaye", detail.getJsonObject("answers").getString("firm_name"));
        String audit = api.get("api/audit?subjectType=study&subjectId=" + studyId).asAdmin().send().body();
        assertTrue(audit.contains("leads see identities: true"), audit);
    }

    @Test
    void strangersFromTheOpenLinkSeeTheRegisterOnlyWhenTheStudyAllowsItAndAreMarkedUnverified() {
        Answered study = answeredStudy("Boulangerie Ndiaye");
        long studyId = study.ready().studyId();
        var link = api.put("api/studies/" + studyId + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .as(study.agent(), PASSWORD).send();
        assertEquals(200, link.status(), link::toString);
        String openToken = StudyFixtures.token(link.json().getString("link"));
        var registered = api.post("api/respond/open/" + openToken + "/registration", """
                {"name": "Nouvelle Boulangerie", "type": "firm", "sector": "food_processing", "email": "", "phone": ""}""")
                .send();
        assertEquals(201, registered.status(), registered::toString);
        String token = registered.json().getString("token");
        assertEquals(0, api.get("api/respond/" + token).send().json().getJsonArray("register").size(),
                "the open door does not hand out the cluster's list");

        assertEquals(200, api.put("api/studies/" + studyId + "/settings", "{\"strangersSeeRegister\": true}")
                .as(study.agent(), PASSWORD).send().status());
        assertEquals(3, api.get("api/respond/" + token).send().json().getJsonArray("register").size());

        JsonObject stranger = api.get("api/studies/" + studyId + "/actors?q=Nouvelle").as(study.agent(), PASSWORD).send()
                .array().getJsonObject(0);
        assertFalse(stranger.getBoolean("verified"), stranger::toString);
        var edited = api.put("api/studies/" + studyId + "/actors/" + stranger.getJsonNumber("id"), """
                {"name": "Nouvelle Boulangerie Diop", "type": "firm", "sector": "food_processing"}""")
                .as(study.agent(), PASSWORD).send();
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Nouvelle Boulangerie Diop", edited.json().getString("name"));
        assertTrue(edited.json().getBoolean("verified"), "an agent who corrects an actor has checked it");
    }
}
