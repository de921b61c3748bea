package org.clusterlens.studies;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.clusterlens.studies.control.Csv;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Deployments;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.StudyFixtures;
import org.clusterlens.testing.StudyFixtures.Ready;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-study access: who is in a study's team, and what agents and leads each get to see. */
@ClusterLensIT
@RunAsClient
class StudyTeamsIT {
    private static final String PASSWORD = "a long enough password ✓";
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

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
                    type = Class.forName(name, false, StudyTeamsIT.class.getClassLoader());
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
                .replace("{actorType}", "firm") + query;
        Api.Call call = api.call(endpoint.method(), path);
        if (path.endsWith("/import")) {
            return call.bytes(StudyFixtures.HEADER.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? call : call.json("{}");
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
