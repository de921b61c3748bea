package org.clusterlens.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A study ready to collect answers, set up through the API as an agent would. */
public final class StudyFixtures {
    public static final String HEADER = "external_id,name,type,sector,size_band,location,email,phone\r\n";

    private final Api api;

    public StudyFixtures(Api api) {
        this.api = api;
    }

    public record Ready(long studyId, long waveId) {
        public String wavePath() {
            return "api/studies/" + studyId + "/waves/" + waveId;
        }
    }

    /** A study with firm-diagnostic assigned to firms and a wave open today. */
    public Ready study(String name, String defaultLanguage) {
        return study(name, defaultLanguage, 5);
    }

    /** The same, counts from fewer than {@code k} respondents suppressed. */
    public Ready study(String name, String defaultLanguage, int k) {
        var study = api.post("api/studies", """
                {"name": %s, "product": "bread", "place": "Thiès", "languages": ["en", "fr"],
                 "defaultLanguage": "%s", "k": %d}""".formatted(Fixtures.jsonString(name), defaultLanguage, k))
                .asAdmin().send();
        assertEquals(201, study.status(), study::toString);
        long studyId = study.json().getJsonNumber("id").longValue();
        int version = publishedFirmDiagnostic();
        var assigned = api.put("api/studies/" + studyId + "/templates/firm",
                "{\"templateId\": \"firm-diagnostic\", \"version\": " + version + "}").asAdmin().send();
        assertEquals(200, assigned.status(), assigned::toString);
        LocalDate today = LocalDate.now();
        var wave = api.post("api/studies/" + studyId + "/waves", """
                {"name": "Baseline", "opensOn": "%s", "closesOn": "%s"}""".formatted(today.minusDays(1), today.plusDays(60)))
                .asAdmin().send();
        assertEquals(201, wave.status(), wave::toString);
        return new Ready(studyId, wave.json().getJsonNumber("id").longValue());
    }

    public int publishedFirmDiagnostic() {
        var versions = api.get("api/templates/firm-diagnostic/versions").asAdmin().send();
        assertEquals(200, versions.status(), versions::toString);
        return versions.array().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("status").equals("published"))
                .mapToInt(v -> v.getInt("version")).max().orElseThrow();
    }

    public Api.Reply importActors(long studyId, String csv) {
        return api.call("POST", "api/studies/" + studyId + "/actors/import")
                .bytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv").asAdmin().send();
    }

    /** external id → actor id */
    public Map<String, Long> actors(long studyId) {
        var reply = api.get("api/studies/" + studyId + "/actors").asAdmin().send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getValuesAs(JsonObject.class).stream().filter(a -> a.containsKey("externalId"))
                .collect(Collectors.toMap(a -> a.getString("externalId"), a -> a.getJsonNumber("id").longValue()));
    }

    /** Invites every actor of the study without email; invitation JSON objects, each with its link. */
    public JsonArray inviteAll(Ready ready, boolean send) {
        var reply = api.post(ready.wavePath() + "/invitations", "{\"send\": " + send + "}").asAdmin().send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.array();
    }

    public record Invited(Ready ready, long invitationId, String token) {
    }

    /** One firm of a new study, invited; {@code name} may be any text a CSV cell can hold. */
    public Invited oneFirm(String name) {
        Ready ready = study(Fixtures.uniqueId("study"), "en");
        var imported = importActors(ready.studyId(), HEADER + "F1," + name + ",firm,food_processing,small,Thiès,,\r\n");
        assertEquals(200, imported.status(), imported::toString);
        JsonObject invitation = inviteAll(ready, false).getJsonObject(0);
        return new Invited(ready, invitation.getJsonNumber("invitationId").longValue(),
                token(invitation.getString("link")));
    }

    /** The invitation as the agent lists it, once its email has reached {@code wanted} (queued, sent, failed). */
    public JsonObject awaitEmailStatus(Ready ready, long invitationId, String wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject invitation = api.get(ready.wavePath() + "/invitations").asAdmin().send().array()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getJsonNumber("invitationId").longValue() == invitationId).findFirst().orElseThrow();
            if (wanted.equals(invitation.getString("emailStatus", null))) {
                return invitation;
            }
            assertTrue(System.nanoTime() < deadline, "invitation " + invitationId + " is still " + invitation);
            Thread.sleep(100);
        }
    }

    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
