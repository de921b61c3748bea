package org.clusterlens.responses;

import jakarta.json.JsonObject;
import org.clusterlens.studies.control.Csv;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures.Invited;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a respondent does through the link, and what the study team then reads. */
@ClusterLensIT
class RespondIT {
    private static final String ARABIC_AND_EMOJI = "نحتاج إلى فرن جديد 🍞🔥 — très bien";
    private static final String NO_CONSENT = """
            {"interview_date": "2026-01-15", "consent": "no"}""";

    @ServerUrl
    URL base;

    Api api;
    StudyFixtures fixtures;

    @BeforeEach
    void client() {
        api = new Api(base);
        fixtures = new StudyFixtures(api);
    }

    private static String fullAnswers(String firmName, String comments) {
        return """
                {"interview_date": "2026-01-15", "consent": "yes", "firm_name": %s,
                 "sector": "food_processing", "employees_women": 3, "employees_men": 4,
                 "sales_local": 100, "sales_national": 0, "sales_export": 0,
                 "constraint_ranking": ["finance", "raw_materials", "skilled_labour", "technology", "market_access"],
                 "joint_action_willingness": "no", "final_comments": %s}"""
                .formatted(Fixtures.jsonString(firmName), Fixtures.jsonString(comments));
    }

    private Api.Reply submit(String token, String submissionId, String answers, String language) {
        return api.post("api/respond/" + token + "/submission", """
                {"submissionId": "%s", "language": "%s", "answers": %s}""".formatted(submissionId, language, answers))
                .send();
    }

    private Api.Reply draft(String token, String answers, int revision) {
        return api.put("api/respond/" + token + "/draft", """
                {"answers": %s, "language": "fr", "revision": %d}""".formatted(answers, revision)).send();
    }

    @Test
    void firstOpeningShowsTheQuestionnaireAndMarksTheInvitationOpened() {
        Invited invited = fixtures.oneFirm("Boulangerie Ndiaye");
        JsonObject q = api.get("api/respond/" + invited.token()).send().json();
        assertEquals("opened", q.getString("status"));
        assertEquals("Boulangerie Ndiaye", q.getJsonObject("actor").getString("name"));
        assertEquals("firm", q.getJsonObject("actor").getString("type"));
        assertEquals("Baseline", q.getJsonObject("wave").getString("name"));
        assertEquals("firm-diagnostic", q.getJsonObject("template").getString("id"));
        assertTrue(q.isNull("draft"));
        assertTrue(q.isNull("receipt"));
        assertEquals(0, q.getJsonArray("register").size(), "the register leaves out the respondent");
        JsonObject progress = api.get(invited.ready().wavePath() + "/progress").asAdmin().send().json();
        assertEquals(1, progress.getJsonObject("firm").getInt("opened"));
    }

    @Test
    void draftsSaveRevisionByRevisionAndASecondTabGetsAConflictWithTheCurrentAnswers() {
        Invited invited = fixtures.oneFirm("Atelier Fall");
        String token = invited.token();
        String longText = ("ممتاز Ünïcödé 🍞 ").repeat(625).substring(0, 10_000);
        var first = draft(token, "{\"firm_name\": " + Fixtures.jsonString(longText) + "}", 0);
        assertEquals(200, first.status(), first::toString);
        assertEquals(1, first.json().getInt("revision"));
        assertNotNull(first.json().getString("savedAt"));
        var second = draft(token, "{\"firm_name\": \"Atelier Fall\", \"consent\": \"yes\"}", 1);
        assertEquals(2, second.json().getInt("revision"));

        var otherTab = draft(token, "{\"firm_name\": \"from the old tab\"}", 1);
        assertEquals(409, otherTab.status(), otherTab::toString);
        assertTrue(otherTab.contentType().startsWith("application/problem+json"));
        JsonObject current = otherTab.json().getJsonObject("current");
        assertEquals(2, current.getInt("revision"));
        assertEquals("Atelier Fall", current.getJsonObject("answers").getString("firm_name"));

        JsonObject reopened = api.get("api/respond/" + token).send().json();
        assertEquals("in_progress", reopened.getString("status"));
        assertEquals(2, reopened.getJsonObject("draft").getInt("revision"));
        assertEquals("fr", reopened.getJsonObject("draft").getString("language"));

        assertEquals(200, draft(token, "{\"firm_name\": " + Fixtures.jsonString(longText) + "}", 2).status());
        assertEquals(longText, api.get("api/respond/" + token).send().json().getJsonObject("draft")
                .getJsonObject("answers").getString("firm_name"), "10,000 characters of any script come back exactly");
    }

    @Test
    void submissionIsStoredOnceEvenWhenRetriedWithTheSameId() {
        Invited invited = fixtures.oneFirm("Menuiserie Ba");
        String id = UUID.randomUUID().toString();
        var created = submit(invited.token(), id, NO_CONSENT, "en");
        assertEquals(201, created.status(), created::toString);
        assertEquals(id, created.json().getString("submissionId"));
        var retried = submit(invited.token(), id, NO_CONSENT, "en");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(created.json(), retried.json());
        var another = submit(invited.token(), UUID.randomUUID().toString(), NO_CONSENT, "en");
        assertEquals(409, another.status(), another::toString);
        assertEquals(409, draft(invited.token(), "{}", 1).status(), "a submitted response refuses drafts");

        var responses = api.get(invited.ready().wavePath() + "/responses").asAdmin().send();
        assertEquals(1, responses.array().size(), responses::toString);
        JsonObject progress = api.get(invited.ready().wavePath() + "/progress").asAdmin().send().json();
        assertEquals(1, progress.getJsonObject("firm").getInt("submitted"));
        JsonObject receipt = api.get("api/respond/" + invited.token() + "/receipt").send().json();
        assertEquals(id, receipt.getJsonObject("receipt").getString("submissionId"));
        assertEquals("no", receipt.getJsonObject("answers").getString("consent"));
        assertEquals("submitted", api.get("api/respond/" + invited.token()).send().json().getString("status"));
    }

    private Api.Reply reschedule(Invited invited, LocalDate opensOn, LocalDate closesOn) {
        return api.put(invited.ready().wavePath(), """
                {"opensOn": "%s", "closesOn": "%s"}""".formatted(opensOn, closesOn)).asAdmin().send();
    }

    @Test
    void aClosedWaveKeepsTheDraftTakesNothingNewAndTakesAnswersAgainOnceExtended() {
        Invited invited = fixtures.oneFirm("Forge Sarr");
        String token = invited.token();
        LocalDate today = LocalDate.now();
        assertEquals(200, draft(token, "{\"firm_name\": \"Forge Sarr\"}", 0).status());

        var closed = reschedule(invited, today.minusDays(30), today.minusDays(1));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals(today.minusDays(1).toString(), closed.json().getString("closesOn"));
        assertEquals("closed", closed.json().getString("collecting"), "the agent sees the wave is closed");
        JsonObject shown = api.get("api/respond/" + token).send().json();
        assertEquals("closed", shown.getJsonObject("wave").getString("collecting"));
        assertEquals("Forge Sarr", shown.getJsonObject("draft").getJsonObject("answers").getString("firm_name"),
                "what was saved before the wave closed is still there");

        var lateDraft = draft(token, "{\"firm_name\": \"too late\"}", 1);
        var lateSubmit = submit(token, UUID.randomUUID().toString(), NO_CONSENT, "en");
        for (var refused : List.of(lateDraft, lateSubmit)) {
            assertEquals(409, refused.status(), refused::toString);
            assertEquals("urn:clusterlens:problem:wave-closed", refused.json().getString("type"));
            assertTrue(refused.json().getString("detail").contains(today.minusDays(1).toString()), refused::toString);
        }
        assertEquals("Forge Sarr", api.get("api/respond/" + token).send().json().getJsonObject("draft")
                .getJsonObject("answers").getString("firm_name"));
        assertEquals(0, api.get(invited.ready().wavePath() + "/responses").asAdmin().send().array().size());
        var lateInvitations = api.post(invited.ready().wavePath() + "/invitations", "{}").asAdmin().send();
        assertEquals(409, lateInvitations.status(), lateInvitations::toString);
        String openToken = StudyFixtures.token(api.put("api/studies/" + invited.ready().studyId() + "/open-link",
                "{\"enabled\": true, \"actorType\": \"firm\"}").asAdmin().send().json().getString("link"));
        assertFalse(api.get("api/respond/open/" + openToken).send().json().getBoolean("collecting"),
                "the open link says at once that nobody can register today");
        assertEquals(409, api.post("api/respond/open/" + openToken + "/registration", "{\"name\": \"Late firm\"}")
                .send().status());

        var backwards = reschedule(invited, today, today.minusDays(1));
        assertEquals(400, backwards.status(), backwards::toString);
        assertEquals("/closesOn", backwards.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var notADate = api.put(invited.ready().wavePath(), "{\"opensOn\": \"yesterday\", \"closesOn\": 3}")
                .asAdmin().send();
        assertEquals(400, notADate.status(), notADate::toString);
        assertEquals(404, api.put("api/studies/" + invited.ready().studyId() + "/waves/999999999",
                "{\"opensOn\": \"%s\", \"closesOn\": \"%s\"}".formatted(today, today)).asAdmin().send().status());

        var notYet = reschedule(invited, today.plusDays(1), today.plusDays(10));
        assertEquals(200, notYet.status(), notYet::toString);
        assertEquals("not_yet", api.get("api/respond/" + token).send().json().getJsonObject("wave").getString("collecting"));
        assertEquals("urn:clusterlens:problem:wave-not-open",
                submit(token, UUID.randomUUID().toString(), NO_CONSENT, "en").json().getString("type"));

        assertEquals(200, reschedule(invited, today.minusDays(30), today.plusDays(7)).status());
        String id = UUID.randomUUID().toString();
        var accepted = submit(token, id, NO_CONSENT, "en");
        assertEquals(201, accepted.status(), accepted::toString);
        assertEquals(200, reschedule(invited, today.minusDays(30), today.minusDays(1)).status());
        var retried = submit(token, id, NO_CONSENT, "en");
        assertEquals(200, retried.status(), "a retry of an acknowledged submission still gets its receipt: " + retried);
        assertEquals(200, api.get("api/respond/" + token + "/receipt").send().status());

        var audit = api.get("api/audit?subjectType=study&subjectId=" + invited.ready().studyId()).asAdmin().send();
        assertTrue(audit.body().contains("open " + today.minusDays(30) + " to " + today.plusDays(7)), audit::toString);
    }

    @Test
    void invalidAnswersAreRefusedWithAPointerPerProblemAndNothingIsStored() {
        Invited invited = fixtures.oneFirm("Atelier Kane");
        var refused = submit(invited.token(), UUID.randomUUID().toString(), "{\"consent\": \"yes\"}", "fr");
        assertEquals(400, refused.status(), refused::toString);
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.contains("/answers/interview_date"), fields::toString);
        assertTrue(fields.contains("/answers/firm_name"), fields::toString);
        assertEquals(0, api.get(invited.ready().wavePath() + "/responses").asAdmin().send().array().size());
    }

    @Test
    void linkagesNameOnlyOtherActorsOfTheRespondentsOwnRegister() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("study"), "en");
        assertEquals(200, fixtures.importActors(ready.studyId(), StudyFixtures.HEADER
                + "F1,Boulangerie Sy,firm,food_processing,small,Thiès,,\r\n"
                + "F2,Moulin Diop,firm,food_processing,small,Thiès,,\r\n").status());
        var actors = fixtures.actors(ready.studyId());
        String token = fixtures.inviteAll(ready, false).getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("actorId").longValue() == actors.get("F1"))
                .map(i -> StudyFixtures.token(i.getString("link"))).findFirst().orElseThrow();
        long elsewhere = fixtures.actors(fixtures.oneFirm("Autre cluster").ready().studyId()).get("F1");

        for (long refused : List.of(actors.get("F1"), elsewhere, 987_654_321L)) {
            var reply = submit(token, UUID.randomUUID().toString(), withLinkTo(refused), "en");
            assertEquals(400, reply.status(), reply::toString);
            assertEquals(List.of("/answers/firm_linkages"), reply.json().getJsonArray("errors")
                    .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        }
        // more ids than one statement asks about (and than a statement may carry on PostgreSQL):
        // still a clear refusal of the unknown ones, not a server error
        List<Long> many = new ArrayList<>(List.of(actors.get("F2")));
        LongStream.range(0, 34_000).forEach(i -> many.add(900_000_000L + i));
        var tooMany = submit(token, UUID.randomUUID().toString(), withLinksTo(many), "en");
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertEquals(List.of("/answers/firm_linkages"), tooMany.json().getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).distinct().toList());

        var accepted = submit(token, UUID.randomUUID().toString(), withLinkTo(actors.get("F2")), "en");
        assertEquals(201, accepted.status(), accepted::toString);
    }

    private static String withLinkTo(long actorId) {
        return withLinksTo(List.of(actorId));
    }

    private static String withLinksTo(List<Long> actorIds) {
        String answers = fullAnswers("Boulangerie Sy", "");
        return answers.substring(0, answers.lastIndexOf('}')) + ", \"firm_linkages\": " + actorIds.stream()
                .map(id -> "{\"actor\": " + id + ", \"relations\": [\"buys_from\"]}")
                .collect(Collectors.joining(", ", "[", "]")) + "}";
    }

    @Test
    void agentReadsTheResponseAndTheCsvKeepsScriptsAndDefusesFormulas() {
        Invited invited = fixtures.oneFirm("\"=cmd|' /C calc'!A0\"");
        var created = submit(invited.token(), UUID.randomUUID().toString(),
                fullAnswers("=HYPERLINK(\"http://evil.example\",\"click\")", ARABIC_AND_EMOJI), "fr");
        assertEquals(201, created.status(), created::toString);

        JsonObject summary = api.get(invited.ready().wavePath() + "/responses").asAdmin().send().array().getJsonObject(0);
        JsonObject response = api.get("api/responses/" + summary.getJsonNumber("id")).asAdmin().send().json();
        assertEquals("submitted", response.getString("status"));
        assertEquals(ARABIC_AND_EMOJI, response.getJsonObject("answers").getString("final_comments"));
        assertEquals(7, response.getJsonObject("answers").getJsonNumber("employees_total").intValue(),
                "calculations are recomputed by the server");

        HttpResponse<String> csv = api.get(invited.ready().wavePath() + "/answers.csv?multiple=joined").asAdmin().send().response();
        assertEquals(200, csv.statusCode(), csv::body);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                "a byte order mark, so that Excel reads UTF-8");
        List<Csv.Record> rows = Csv.parse(csv.body());
        assertEquals(2, rows.size());
        List<String> header = rows.get(0).values();
        List<String> row = rows.get(1).values();
        assertEquals(List.of("response_id", "actor_pseudonym", "actor_external_id", "actor_name", "actor_type",
                "template", "template_version", "submitted_at", "language"), header.subList(0, 9));
        assertEquals("'=cmd|' /C calc'!A0", row.get(header.indexOf("actor_name")));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", row.get(header.indexOf("firm_name")));
        assertEquals(ARABIC_AND_EMOJI, row.get(header.indexOf("final_comments")));
        assertEquals("finance raw_materials skilled_labour technology market_access",
                row.get(header.indexOf("constraint_ranking")));
        assertEquals("fr", row.get(header.indexOf("language")));
        assertTrue(csv.body().contains(",\"" + ARABIC_AND_EMOJI.substring(0, 3)) || csv.body().contains("\"" + ARABIC_AND_EMOJI + "\""),
                "text cells are quoted");
        assertTrue(header.indexOf("interview_date") < header.indexOf("firm_name"), "columns in template order");
        assertFalse(header.contains("intro_note"), "notes have no answer column");
    }

    @Test
    void reopenedResponseIsAuditedAndCanBeSubmittedAgainWithANewId() {
        Invited invited = fixtures.oneFirm("Boulangerie Sarr");
        String firstId = UUID.randomUUID().toString();
        assertEquals(201, submit(invited.token(), firstId, NO_CONSENT, "en").status());
        long responseId = api.get(invited.ready().wavePath() + "/responses").asAdmin().send().array()
                .getJsonObject(0).getJsonNumber("id").longValue();

        var reopened = api.post("api/responses/" + responseId + "/reopening", "{}").asAdmin().send();
        assertEquals(200, reopened.status(), reopened::toString);
        assertEquals("draft", reopened.json().getString("status"));
        var audit = api.get("api/audit?subjectType=response&subjectId=" + responseId).asAdmin().send();
        assertEquals("REOPENED", audit.array().getJsonObject(0).getString("action"), audit::toString);

        JsonObject respondent = api.get("api/respond/" + invited.token()).send().json();
        assertEquals("in_progress", respondent.getString("status"));
        int revision = respondent.getJsonObject("draft").getInt("revision");
        assertEquals(200, api.put("api/respond/" + invited.token() + "/draft",
                "{\"answers\": " + NO_CONSENT + ", \"language\": \"en\", \"revision\": " + revision + "}").send().status());
        assertEquals(409, submit(invited.token(), firstId, NO_CONSENT, "en").status(),
                "the reopened submission's id cannot submit again");
        String secondId = UUID.randomUUID().toString();
        var again = submit(invited.token(), secondId, NO_CONSENT, "en");
        assertEquals(201, again.status(), again::toString);
        JsonObject response = api.get("api/responses/" + responseId).asAdmin().send().json();
        assertEquals(secondId, response.getString("submissionId"));
        assertEquals(1, api.get(invited.ready().wavePath() + "/responses").asAdmin().send().array().size());
    }

    @Test
    void openLinkRegistersAnActorWhoThenAnswersThroughTheirOwnLink() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("open"), "fr");
        var link = api.put("api/studies/" + ready.studyId() + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .asAdmin().send();
        assertEquals(200, link.status(), link::toString);
        String openToken = StudyFixtures.token(link.json().getString("link"));
        JsonObject info = api.get("api/respond/open/" + openToken).send().json();
        assertEquals("fr", info.getJsonObject("study").getString("defaultLanguage"));
        assertTrue(info.getBoolean("collecting"), info::toString);

        var bad = api.post("api/respond/open/" + openToken + "/registration", "{\"email\": \"nope\"}").send();
        assertEquals(400, bad.status(), bad::toString);
        var registered = api.post("api/respond/open/" + openToken + "/registration",
                "{\"name\": \"Tannerie Gueye\", \"sector\": \"leather\", \"email\": \"gueye@example.org\"}").send();
        assertEquals(201, registered.status(), registered::toString);
        String token = registered.json().getString("token");
        JsonObject q = api.get("api/respond/" + token).send().json();
        assertEquals("Tannerie Gueye", q.getJsonObject("actor").getString("name"));
        assertEquals(201, submit(token, UUID.randomUUID().toString(), NO_CONSENT, "fr").status());
        assertTrue(api.get("api/studies/" + ready.studyId() + "/actors?q=gueye").asAdmin().send().array().size() == 1);

        var disabled = api.put("api/studies/" + ready.studyId() + "/open-link", "{\"enabled\": false}").asAdmin().send();
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(404, api.get("api/respond/open/" + openToken).send().status());
    }

    @Test
    void openLinkRegistrationsFromOneAddressAreRateLimited() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("flood"), "en");
        String openToken = StudyFixtures.token(api.put("api/studies/" + ready.studyId() + "/open-link",
                "{\"enabled\": true, \"actorType\": \"firm\"}").asAdmin().send().json().getString("link"));
        Api.Reply limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            var reply = api.post("api/respond/open/" + openToken + "/registration",
                    "{\"name\": \"Bot " + i + "\"}").send();
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertEquals(201, reply.status(), reply::toString);
            }
        }
        assertNotNull(limited, "30 registrations in a row are not all accepted");
        assertTrue(limited.contentType().startsWith("application/problem+json"), limited::toString);
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited::toString);
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(api.base().resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] gunzip(byte[] body) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void formFilesAreGzippedForWhoTakesGzipAndCachedForAnHourThenRevalidated() throws Exception {
        for (String file : List.of("respond/app.mjs", "respond/respond.css", "respond/questions.mjs", "respond/open/i18n.mjs")) {
            var plain = fetch(file);
            var gzipped = fetch(file, "Accept-Encoding", "gzip, deflate, br");
            assertEquals(200, plain.statusCode(), file);
            assertEquals(200, gzipped.statusCode(), file);
            assertEquals(null, header(plain, "Content-Encoding"), file + ": a client that did not ask for gzip gets the plain file");
            assertEquals("gzip", header(gzipped, "Content-Encoding"), file + " " + gzipped.headers());
            assertArrayEquals(plain.body(), gunzip(gzipped.body()), file + ": the same file once unzipped");
            assertTrue(gzipped.body().length * 2 < plain.body().length, file + ": " + gzipped.body().length + " of " + plain.body().length + " bytes");
            for (var reply : List.of(plain, gzipped)) {
                assertTrue(String.valueOf(header(reply, "Vary")).contains("Accept-Encoding"), file + " " + reply.headers());
                assertEquals("max-age=3600, must-revalidate", header(reply, "Cache-Control"), file + " " + reply.headers());
                assertNotNull(header(reply, "Content-Security-Policy"), file + ": the form's policy is kept");
            }
            // after the hour the browser asks again with what the default servlet gave it, and gets no body
            String etag = header(gzipped, "ETag");
            var again = etag != null ? fetch(file, "Accept-Encoding", "gzip", "If-None-Match", etag)
                    : fetch(file, "Accept-Encoding", "gzip", "If-Modified-Since", header(gzipped, "Last-Modified"));
            assertEquals(304, again.statusCode(), file + " " + gzipped.headers());
            assertEquals(0, again.body().length);
            assertEquals("max-age=3600, must-revalidate", header(again, "Cache-Control"), file + " " + again.headers());
        }
    }

    @Test
    void theLinksPageStaysUncachedAndTheApiAndMissingFilesGetNoAssetCaching() throws Exception {
        var page = fetch("respond/any-invitation-token", "Accept-Encoding", "gzip");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", header(page, "Cache-Control"), "the address is a credential");
        assertNotNull(header(page, "Content-Security-Policy"));
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<link rel=\"icon\" href=\"favicon.ico\""),
                "the page names its icon");

        var api = fetch("api/respond/no-such-token", "Accept-Encoding", "gzip");
        assertEquals(404, api.statusCode());
        assertEquals("no-store", header(api, "Cache-Control"), api.headers().toString());
        assertEquals(null, header(api, "Content-Encoding"));

        var missing = fetch("respond/no-such-file.mjs", "Accept-Encoding", "gzip");
        assertEquals(404, missing.statusCode());
        assertFalse(String.valueOf(header(missing, "Cache-Control")).contains("max-age"), "a 404 is not kept for an hour");
    }

    @Test
    void theIconIsAtTheRootAndBesideEveryRespondentPage() throws Exception {
        var icon = fetch("favicon.ico", "Accept-Encoding", "gzip");
        assertEquals(200, icon.statusCode());
        // Payara adds its default ";charset=UTF-8" (payara-web.xml) to every type; browsers ignore it on images
        String type = header(icon, "Content-Type").replaceFirst(";.*", "");
        assertTrue(List.of("image/x-icon", "image/vnd.microsoft.icon").contains(type), icon.headers().toString());
        assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(icon.body(), 4), "an ICO header");
        assertEquals(null, header(icon, "Content-Encoding"), "an image is not gzipped again");
        assertEquals("max-age=3600, must-revalidate", header(icon, "Cache-Control"));
        for (String beside : List.of("respond/favicon.ico", "respond/open/favicon.ico")) {
            var same = fetch(beside);
            assertEquals(200, same.statusCode(), beside);
            assertArrayEquals(icon.body(), same.body(), beside);
        }
    }
}
