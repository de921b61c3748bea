package org.clusterlens.responses;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.Axe;
import org.clusterlens.testing.Browser;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a respondent does with the web form in a real browser the size of a phone, and what the
 * study team then reads through the API. Every page of these runs is under the
 * Content-Security-Policy of {@code RespondPage}: a page that needed inline script would break here.
 */
@ClusterLensIT
class BrowserIT {
    private static final String SCRIPT = "<img src=x onerror=alert(1)>";
    private static final List<String> PAGES_AFTER_PROFILE = List.of("markets", "inputs", "technology", "skills",
            "finance", "institutions", "linkages", "trust", "constraints", "opportunities", "swot", "joint_actions");

    @ServerUrl
    URL base;

    Api api;
    StudyFixtures fixtures;

    @BeforeEach
    void client() {
        Browser.assumeInstalled();
        api = new Api(base);
        fixtures = new StudyFixtures(api);
    }

    /** A study whose register has the respondent (F1), another firm and an institution; F1 is invited. */
    private record Firm(StudyFixtures.Ready ready, String token, Map<String, Long> actors) {
    }

    private Firm invitedFirm(String name) {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("browser"), "en");
        var imported = fixtures.importActors(ready.studyId(), StudyFixtures.HEADER
                + "F1," + name + ",firm,food_processing,small,Thiès,,\r\n"
                + "F2,Atelier Fall,firm,metal,micro,Thiès,,\r\n"
                + "I1,Chambre de commerce de Thiès,institution,services,,Thiès,,\r\n");
        assertEquals(200, imported.status(), imported::toString);
        Map<String, Long> actors = fixtures.actors(ready.studyId());
        JsonObject invitation = fixtures.inviteAll(ready, false).getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("actorId").longValue() == actors.get("F1")).findFirst().orElseThrow();
        return new Firm(ready, StudyFixtures.token(invitation.getString("link")), actors);
    }

    private URI page(String path) {
        return api.base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private URI link(Firm firm) {
        return page("respond/" + firm.token());
    }

    private JsonObject serverDraft(Firm firm) {
        return api.get("api/respond/" + firm.token()).send().json().getJsonObject("draft").getJsonObject("answers");
    }

    private JsonArray submitted(Firm firm) {
        var reply = api.get(firm.ready().wavePath() + "/responses").asAdmin().send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.array();
    }

    /** No sideways scrolling on the phone, every control labelled, and axe-core's WCAG 2.1 A/AA rules at 360 and 1280 px. */
    private static void assertFitsThePhone(Browser browser, String where) {
        assertEquals(0, browser.horizontalOverflow(), where + ": the page scrolls sideways on a 360-px screen");
        assertEquals(List.of(), browser.unlabelledControls(), where + ": controls without an accessible label");
        assertAccessible(browser, where);
    }

    /**
     * axe-core's WCAG 2.1 A/AA rules on the page as it is, laid out for a phone (360 px) and for a
     * desktop (1280 px): a state that breaks none at either width passes.
     */
    private static void assertAccessible(Browser browser, String state) {
        browser.atWidths(List.of(Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH),
                width -> Axe.assertNoViolations(browser.driver(), state + " at " + width + " px"));
    }

    /** All of {@link #assertFitsThePhone}, and the page still reflows at 320 px with 200 % text. */
    private static void assertFitsEveryScreen(Browser browser, String where) {
        assertFitsThePhone(browser, where);
        browser.assertReflows(where);
    }

    /** Checks the page (every page of the form has the language control), then moves on. */
    private static void nextPage(Browser browser) {
        assertFitsEveryScreen(browser, browser.section());
        browser.next();
    }

    @Test
    void firmAnswersTheWholeDiagnosticOnAPhoneAndTheTeamReadsTheSameAnswers() {
        Firm firm = invitedFirm("Boulangerie Ndiaye");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            assertEquals("interview", browser.section());
            assertEquals("Boulangerie Ndiaye", browser.find(".actor").getText());
            browser.answer("interview_date", "2026-01-15");
            browser.answer("respondent_role", "owner");

            browser.answer("consent", "no");
            browser.await("the note for a refusal", d -> browser.isShown("no_consent_note"));
            assertAccessible(browser, "interview with the refusal note");
            assertTrue(browser.findAll("[data-action=next]").isEmpty(), "without consent the first page is the last");
            browser.answer("consent", "yes");
            browser.await("the refusal note hidden again", d -> !browser.isShown("no_consent_note"));
            assertEquals("Page 1 of 14", browser.find("#progress-label").getText());
            nextPage(browser);

            assertEquals("profile", browser.section());
            browser.answer("firm_name", "Boulangerie Ndiaye");
            browser.answer("year_founded", "1850");
            browser.await("the year's error next to it", d -> browser.errorOf("year_founded").contains("Enter a year between 1900 and 2030."));
            assertEquals("true", browser.find("#q-year_founded").getAttribute("aria-invalid"));
            browser.clickNext();
            assertEquals("profile", browser.section(), "a page with an error does not let the person move on");
            assertEquals("q-year_founded", browser.script("return document.activeElement.id"), "Next takes the person to the error");
            assertFitsEveryScreen(browser, "profile with an error");
            browser.answer("year_founded", "1998");
            browser.await("the error gone", d -> browser.errorOf("year_founded").isEmpty());
            browser.answer("sector", "food_processing");
            browser.answer("employees_women", "3");
            browser.answer("employees_men", "4");
            nextPage(browser);

            assertEquals("markets", browser.section());
            browser.answer("sales_local", "70");
            browser.answer("sales_national", "30");
            browser.answer("sales_export", "0");
            assertFalse(browser.isShown("export_destinations"));
            browser.answer("sales_export", "10");
            browser.await("export destinations asked once something is exported", d -> browser.isShown("export_destinations"));
            browser.answer("sales_export", "0");
            browser.await("export destinations gone again", d -> !browser.isShown("export_destinations"));

            for (String section : PAGES_AFTER_PROFILE) {
                assertEquals(section, browser.section());
                switch (section) {
                    case "skills" -> {
                        assertFalse(browser.isShown("trainings/0/training_topic"));
                        browser.answer("training_last_2y", "yes");
                        browser.await("the add-a-course button", ExpectedConditions.elementToBeClickable(By.cssSelector("#add-trainings")));
                        browser.find("[data-action=add-entry]").click();
                        browser.await("a first course", d -> browser.isShown("trainings/0/training_topic"));
                        browser.answer("trainings/0/training_topic", "Hygiène alimentaire");
                        browser.answer("trainings/0/training_days", "3");

                        browser.switchLanguage("fr");
                        assertTrue(browser.labelOf("trainings/0/training_topic").startsWith("Thème de la formation"),
                                browser.labelOf("trainings/0/training_topic"));
                        assertEquals("Compétences et formation", browser.find("#section-heading").getText());
                        assertEquals("Suivant", browser.find("[data-action=next]").getText());
                        assertEquals("Hygiène alimentaire", browser.find("#q-trainings-0-training_topic").getDomProperty("value"),
                                "changing the language keeps the answers");
                    }
                    case "linkages" -> {
                        browser.find("#q-firm_linkages-search").sendKeys("atelier");
                        browser.await("one match in the register", d -> browser.findAll(".register-results .register-pick").size() == 1);
                        assertTrue(browser.find(".register-results .register-pick").getText().contains("Atelier Fall"));
                        assertFitsEveryScreen(browser, "linkages with a search result");
                        browser.find(".register-results .register-pick").click();
                        String picked = ".linked-actor[data-actor=\"" + firm.actors().get("F2") + "\"]";
                        browser.await("Atelier Fall picked", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(picked)));
                        browser.find("label[for=\"q-firm_linkages-0-0\"]").click(); // buys_from
                        assertTrue(browser.find("#q-firm_linkages-0-0").isSelected());
                    }
                    case "constraints" -> {
                        browser.answer("constraint_ranking", "finance");
                        assertFitsEveryScreen(browser, "constraints with one item ranked");
                        browser.answer("constraint_ranking", "raw_materials", "skilled_labour", "technology", "market_access");
                    }
                    case "joint_actions" -> browser.answer("joint_action_willingness", "no");
                    default -> {
                    }
                }
                if (!section.equals("joint_actions")) {
                    nextPage(browser);
                }
            }
            assertFitsEveryScreen(browser, "joint_actions");
            String receipt = browser.submitAndAwaitReceipt().getText();
            assertTrue(receipt.contains("Hygiène alimentaire") && receipt.contains("Atelier Fall"), receipt);
            assertFitsEveryScreen(browser, "receipt");
            assertEquals(List.of(), browser.contentSecurityViolations());
        }

        JsonArray responses = submitted(firm);
        assertEquals(1, responses.size(), responses::toString);
        JsonObject response = api.get("api/responses/" + responses.getJsonObject(0).getJsonNumber("id").longValue())
                .asAdmin().send().json();
        assertEquals("fr", response.getString("language"));
        JsonObject answers = response.getJsonObject("answers");
        assertEquals(1998, answers.getInt("year_founded"));
        assertEquals("yes", answers.getString("consent"));
        assertFalse(answers.containsKey("export_destinations"), answers::toString);
        JsonArray trainings = answers.getJsonArray("trainings");
        assertEquals(1, trainings.size());
        assertEquals("Hygiène alimentaire", trainings.getJsonObject(0).getString("training_topic"));
        assertEquals(3, trainings.getJsonObject(0).getInt("training_days"));
        JsonObject linkage = answers.getJsonArray("firm_linkages").getJsonObject(0);
        assertEquals(firm.actors().get("F2"), linkage.getJsonNumber("actor").longValue());
        assertEquals(List.of("buys_from"), linkage.getJsonArray("relations").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    void halfAnsweredFormComesBackAfterAReloadAndOnAnotherDevice() {
        Firm firm = invitedFirm("Atelier Sow");
        try (Browser phone = Browser.phone()) {
            phone.openForm(link(firm));
            phone.answer("interview_date", "2026-01-20");
            phone.answer("consent", "yes");
            phone.next();
            phone.answer("firm_name", "Atelier Sow");
            phone.answer("year_founded", "2001");
            phone.awaitSaved();

            phone.reload();
            assertTrue(phone.find("#q-consent-0").isSelected(), "consent is still given after a reload");
            phone.next();
            assertEquals("Atelier Sow", phone.find("#q-firm_name").getDomProperty("value"));
            assertEquals("2001", phone.find("#q-year_founded").getDomProperty("value"));
        }
        try (Browser otherDevice = Browser.phone()) {
            otherDevice.openForm(link(firm));
            assertEquals("2026-01-20", otherDevice.find("#q-interview_date").getDomProperty("value"));
            otherDevice.next();
            assertEquals("Atelier Sow", otherDevice.find("#q-firm_name").getDomProperty("value"));
            otherDevice.answer("sector", "textiles");
            otherDevice.awaitSaved();
        }
        JsonObject draft = serverDraft(firm);
        assertEquals("Atelier Sow", draft.getString("firm_name"));
        assertEquals(2001, draft.getInt("year_founded"));
        assertEquals("textiles", draft.getString("sector"), "the person continued on the other device");
    }

    /** A firm's production sites, each with its machines: a repeat within a repeat. */
    private static final String SITES_TEMPLATE = """
            {"id": "%s", "title": {"en": "Equipment survey"}, "languages": ["en"], "defaultLanguage": "en",
             "sections": [{"name": "equipment", "title": {"en": "Equipment"}, "items": [
               {"type": "repeat", "name": "sites", "label": {"en": "Production site"}, "items": [
                 {"type": "text", "name": "site_town", "label": {"en": "Town"}, "required": true},
                 {"type": "yes_no", "name": "bakes_bread", "label": {"en": "Is bread baked here?"}},
                 {"type": "repeat", "name": "machines", "label": {"en": "Machine"}, "items": [
                   {"type": "text", "name": "machine", "label": {"en": "Which machine?"}, "required": true},
                   {"type": "integer", "name": "machine_age", "label": {"en": "Age in years"}, "min": 0},
                   {"type": "text", "name": "replacement_plan", "label": {"en": "When will it be replaced?"},
                    "relevant": "${machine_age} > 10"},
                   {"type": "text", "name": "oven_fuel", "label": {"en": "Fuel"}, "relevant": "${bakes_bread} = 'yes'"}]},
                 {"type": "calculate", "name": "machine_count", "calculation": "count(${machines})"}]},
               {"type": "calculate", "name": "all_machines", "calculation": "count(${machines})"}]}]}""";

    @Test
    void sitesWithTheirMachinesAreAnsweredAsARepeatWithinARepeat() {
        String templateId = Fixtures.uniqueId("sites");
        assertEquals(201, api.post("api/templates", SITES_TEMPLATE.formatted(templateId)).asAdmin().send().status());
        assertEquals(200, api.post("api/templates/" + templateId + "/versions/1/publication", "").asAdmin().send().status());
        Firm firm = invitedFirm("Boulangerie Thiam");
        var assigned = api.put("api/studies/" + firm.ready().studyId() + "/templates/firm",
                "{\"templateId\": \"" + templateId + "\", \"version\": 1}").asAdmin().send();
        assertEquals(200, assigned.status(), assigned::toString);

        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            browser.find("#add-sites").click();
            browser.answer("sites/0/site_town", "Thiès");
            browser.answer("sites/0/bakes_bread", "yes");
            browser.find("#add-sites-0-machines").click();
            browser.answer("sites/0/machines/0/machine", "Four à sole");
            browser.answer("sites/0/machines/0/machine_age", "14");
            browser.await("the question for an old machine", d -> browser.isShown("sites/0/machines/0/replacement_plan"));
            assertTrue(browser.isShown("sites/0/machines/0/oven_fuel"), "the site's answer reaches into its machines");
            browser.find("#add-sites-0-machines").click();
            browser.answer("sites/0/machines/1/machine", "Pétrin");
            browser.answer("sites/0/machines/1/machine_age", "3");
            assertFalse(browser.isShown("sites/0/machines/1/replacement_plan"), "each machine is its own entry");

            browser.find("#add-sites").click();
            browser.answer("sites/1/site_town", "Mbour");
            browser.answer("sites/1/bakes_bread", "no");
            browser.find("#add-sites-1-machines").click();
            browser.answer("sites/1/machines/0/machine", "Balance");
            assertFalse(browser.isShown("sites/1/machines/0/oven_fuel"), "the other site bakes no bread");
            assertTrue(browser.isShown("sites/0/machines/0/oven_fuel"));

            browser.find("#repeat-sites-0-machines-0").findElement(By.xpath("../button[@data-action='remove-entry']")).click();
            browser.await("the second machine moved up", d -> "Pétrin".equals(
                    browser.question("sites/0/machines/0/machine").findElement(By.cssSelector("input")).getDomProperty("value")));
            assertFitsThePhone(browser, "nested entries");
            browser.awaitSaved();
            JsonArray draftSites = serverDraft(firm).getJsonArray("sites");
            assertEquals(1, draftSites.getJsonObject(0).getJsonArray("machines").size(), draftSites::toString);
            assertEquals("Balance", draftSites.getJsonObject(1).getJsonArray("machines").getJsonObject(0).getString("machine"));

            String receipt = browser.submitAndAwaitReceipt().getText();
            assertTrue(receipt.contains("Production site 2 – Machine 1 – Which machine?"), receipt);
        }
        JsonArray responses = submitted(firm);
        assertEquals(1, responses.size(), responses::toString);
        JsonObject answers = api.get("api/responses/" + responses.getJsonObject(0).getJsonNumber("id").longValue())
                .asAdmin().send().json().getJsonObject("answers");
        JsonArray sites = answers.getJsonArray("sites");
        assertEquals(1, sites.getJsonObject(0).getInt("machine_count"));
        assertEquals(1, sites.getJsonObject(1).getInt("machine_count"));
        assertEquals(2, answers.getInt("all_machines"));
        assertEquals("Pétrin", sites.getJsonObject(0).getJsonArray("machines").getJsonObject(0).getString("machine"));
    }

    /** A ranking of three out of five, a question after it, and a pick from the register. */
    private static final String RANKING_TEMPLATE = """
            {"id": "%s", "title": {"en": "Constraints and partners", "fr": "Contraintes et partenaires"},
             "languages": ["en", "fr"], "defaultLanguage": "en",
             "choiceLists": {
               "constraints": [
                 {"value": "finance", "label": {"en": "Access to finance", "fr": "Accès au financement"}},
                 {"value": "raw_materials", "label": {"en": "Availability and cost of raw materials", "fr": "Disponibilité et coût des matières premières"}},
                 {"value": "skilled_labour", "label": {"en": "Skilled labour", "fr": "Main-d’œuvre qualifiée"}},
                 {"value": "electricity", "label": {"en": "Electricity cuts", "fr": "Coupures d’électricité"}},
                 {"value": "market_access", "label": {"en": "Access to markets", "fr": "Accès aux marchés"}}],
               "relations": [{"value": "buys_from", "label": {"en": "We buy from them", "fr": "Nous leur achetons"}}]},
             "sections": [{"name": "constraints", "title": {"en": "Constraints", "fr": "Contraintes"}, "items": [
               {"type": "rank", "name": "top_constraints", "required": true, "choices": "constraints", "rankCount": 3,
                "label": {"en": "Rank the three constraints that hold your firm back most", "fr": "Classez les trois contraintes qui freinent le plus votre entreprise"}},
               {"type": "text", "name": "comment", "label": {"en": "Anything to add?", "fr": "Autre chose ?"}},
               {"type": "linkage", "name": "partners", "relations": "relations",
                "label": {"en": "Which actors do you work with?", "fr": "Avec quels acteurs travaillez-vous ?"}}]}]}""";

    private Firm firmWithTheRankingTemplate(String name) {
        String templateId = Fixtures.uniqueId("ranking");
        assertEquals(201, api.post("api/templates", RANKING_TEMPLATE.formatted(templateId)).asAdmin().send().status());
        assertEquals(200, api.post("api/templates/" + templateId + "/versions/1/publication", "").asAdmin().send().status());
        Firm firm = invitedFirm(name);
        var assigned = api.put("api/studies/" + firm.ready().studyId() + "/templates/firm",
                "{\"templateId\": \"" + templateId + "\", \"version\": 1}").asAdmin().send();
        assertEquals(200, assigned.status(), assigned::toString);
        return firm;
    }

    private static final String RANKING_CONTROL = "[data-path=top_constraints] .rank-list button:enabled";

    @Test
    void rankingByKeyboardKeepsTheFocusOnTheRankingAndSaysWhatIsMissingOnlyOnLeaving() {
        Firm firm = firmWithTheRankingTemplate("Boulangerie Faye");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            assertFitsEveryScreen(browser, "ranking, nothing ranked");
            Keyboard keys = new Keyboard(browser);
            keys.tabTo("[data-path=top_constraints] .rank-pool li[data-value=skilled_labour] button");
            keys.press(Keys.ENTER);
            browser.await("Skilled labour ranked first", d -> browser.findAll("[data-path=top_constraints] .rank-list li[data-value]").size() == 1);
            assertTrue((Boolean) browser.script("return document.activeElement.matches(arguments[0])", RANKING_CONTROL),
                    "after the first item is added the focus is on a ranking control, not on "
                            + browser.script("return document.activeElement.outerHTML"));
            assertEquals("skilled_labour", browser.script("return document.activeElement.closest('li').dataset.value"),
                    "the focus stays with the item, in its new place");
            assertEquals("", browser.errorOf("top_constraints"), "no error while the person is ranking");
            assertFitsEveryScreen(browser, "ranking, one item ranked");

            keys.tabTo("[data-path=top_constraints] .rank-pool li[data-value=electricity] button");
            keys.press(Keys.ENTER);
            assertEquals("electricity", browser.script("return document.activeElement.closest('li').dataset.value"));
            assertEquals("↑", browser.script("return document.activeElement.textContent"), "a later item can move up at once");
            keys.press(Keys.ENTER);
            assertEquals(List.of("electricity", "skilled_labour"), browser.findAll("[data-path=top_constraints] .rank-list li[data-value]")
                    .stream().map(li -> li.getAttribute("data-value")).toList());
            assertTrue((Boolean) browser.script("return document.activeElement.matches(arguments[0])", RANKING_CONTROL),
                    "at the top its Up button is disabled: the focus goes to its Down button");
            assertEquals("↓", browser.script("return document.activeElement.textContent"));
            assertEquals("", browser.errorOf("top_constraints"), "two out of three: still no error while ranking");

            keys.tabTo("#q-comment");
            browser.await("the missing item said on leaving", d -> browser.errorOf("top_constraints").contains("Rank 3 items."));
            assertFitsEveryScreen(browser, "ranking left incomplete");
            browser.awaitSaved();
        }
        assertEquals(List.of("electricity", "skilled_labour"), serverDraft(firm).getJsonArray("top_constraints")
                .getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    void registerSearchSaysHowManyActorsItFoundInTheRespondentsLanguage() {
        Firm firm = firmWithTheRankingTemplate("Boulangerie Sarr");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            String found = "#q-partners-found";
            assertEquals("status", browser.find(found).getAttribute("role"), "a polite live region");
            browser.find("#q-partners-search").sendKeys("atelier");
            browser.await("one actor found", d -> "1 actor found.".equals(browser.find(found).getText()));
            browser.find("#q-partners-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), "thiès");
            browser.await("several results", d -> browser.findAll(".register-results .register-pick").size() >= 2);
            int shown = browser.findAll(".register-results .register-pick").size();
            browser.await("the count said", d -> (shown + " actors found.").equals(browser.find(found).getText()));
            assertFitsEveryScreen(browser, "register search with results");

            browser.switchLanguage("fr");
            browser.find("#q-partners-search").sendKeys("thiès");
            browser.await("the count in French", d -> (shown + " acteurs trouvés.").equals(browser.find(found).getText()));
            browser.find("#q-partners-search").sendKeys("zzz");
            browser.await("nothing found, in French", d -> "Aucun résultat.".equals(browser.find(found).getText()));
            assertFitsThePhone(browser, "register search in French, nothing found");
        }
    }

    @Test
    void aLinkOfAClosedWaveSaysSoInTheRespondentsLanguageAndKeepsTheDraft() {
        Firm firm = invitedFirm("Moulin Cissé");
        assertEquals(200, api.put("api/respond/" + firm.token() + "/draft", """
                {"answers": {"interview_date": "2026-01-22"}, "language": "fr", "revision": 0}""").send().status());
        java.time.LocalDate today = java.time.LocalDate.now();
        var closed = api.put(firm.ready().wavePath(), "{\"opensOn\": \"%s\", \"closesOn\": \"%s\"}"
                .formatted(today.minusDays(20), today.minusDays(2))).asAdmin().send();
        assertEquals(200, closed.status(), closed::toString);
        try (Browser browser = Browser.phone()) {
            browser.open(link(firm));
            String message = browser.await("the closed notice", ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".message"))).getText();
            assertTrue(message.startsWith("Ce questionnaire est fermé depuis le"), message);
            assertTrue(browser.findAll("[data-action=submit], [data-path]").isEmpty(), "nothing to answer");
            assertFitsThePhone(browser, "closed wave");
        }
        assertEquals("2026-01-22", serverDraft(firm).getString("interview_date"));
    }

    @Test
    void doubleClickOnSendStoresOneResponse() {
        Firm firm = invitedFirm("Forge Diop");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            browser.answer("interview_date", "2026-01-21");
            browser.answer("consent", "no");
            var send = browser.await("the send button", ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=submit]")));
            new Actions(browser.driver()).doubleClick(send).perform();
            browser.awaitReceipt();
        }
        assertEquals(1, submitted(firm).size());
        JsonObject progress = api.get(firm.ready().wavePath() + "/progress").asAdmin().send().json();
        assertEquals(1, progress.getJsonObject("firm").getInt("submitted"), progress::toString);
    }

    @Test
    void olderTabSavingOverANewerDraftIsAskedToChooseAndOverwritesNothing() {
        Firm firm = invitedFirm("Savonnerie Ba");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            String older = browser.driver().getWindowHandle();

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.openForm(link(firm));
            browser.answer("interview_date", "2026-02-01");
            browser.awaitSaved();

            browser.driver().switchTo().window(older);
            browser.answer("interview_date", "2026-03-03");
            browser.await("the choice between the two versions",
                    ExpectedConditions.attributeToBe(By.id("save-status"), "data-status", "conflict"));
            assertTrue(browser.find(".conflict").isDisplayed());
            assertFitsEveryScreen(browser, "conflict between two versions");
            assertEquals("2026-02-01", serverDraft(firm).getString("interview_date"), "the newer draft is not overwritten");

            browser.find("[data-action=keep-mine]").click();
            browser.awaitSaved();
        }
        assertEquals("2026-03-03", serverDraft(firm).getString("interview_date"), "once chosen, the older tab's answer is kept");
    }

    @Test
    void keyboardAloneAnswersAndMovesOnWithoutSidewaysScrolling() {
        Firm firm = invitedFirm("Tissage Kane");
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            assertFitsThePhone(browser, "interview");
            Keyboard keys = new Keyboard(browser);
            keys.tabTo("#q-respondent_role-0");
            keys.press(Keys.SPACE);
            assertTrue(browser.find("#q-respondent_role-0").isSelected());
            keys.tabTo("#q-consent-0");
            keys.press(Keys.SPACE);
            assertTrue(browser.find("#q-consent-0").isSelected());
            keys.tabTo("[data-action=next]");
            keys.press(Keys.ENTER);
            assertEquals("interview", browser.section(), "the date is still missing");
            assertEquals("q-interview_date", browser.script("return document.activeElement.id"), "Enter on Next leads to the missing answer");
            assertFalse(browser.errorOf("interview_date").isEmpty());

            // digits in the order the browser's locale shows a date (mm dd yyyy, dd mm yyyy…)
            keys.type((String) browser.script("""
                    return new Intl.DateTimeFormat(navigator.language, {year: 'numeric', month: '2-digit', day: '2-digit'})
                      .formatToParts(new Date(2026, 0, 15)).filter((p) => p.type !== 'literal')
                      .map((p) => ({year: '2026', month: '01', day: '15'})[p.type]).join('');"""));
            keys.tabTo("[data-action=next]");
            keys.press(Keys.ENTER);
            browser.await("the profile page", d -> "profile".equals(browser.section()));
            assertFitsThePhone(browser, "profile");
            keys.tabTo("#q-firm_name");
            keys.type("Tissage Kane");
            keys.press(Keys.TAB);
            assertEquals("q-year_founded", browser.script("return document.activeElement.id"));
            keys.type("1987");
            keys.press(Keys.TAB);
            browser.awaitSaved();
        }
        JsonObject draft = serverDraft(firm);
        assertEquals("2026-01-15", draft.getString("interview_date"));
        assertEquals("owner", draft.getString("respondent_role"));
        assertEquals("yes", draft.getString("consent"));
        assertEquals("Tissage Kane", draft.getString("firm_name"));
        assertEquals(1987, draft.getInt("year_founded"));
    }

    @Test
    void markupInANameOrAnAnswerIsShownAsText() {
        Firm firm = invitedFirm(SCRIPT);
        try (Browser browser = Browser.phone()) {
            browser.openForm(link(firm));
            assertEquals(SCRIPT, browser.find(".actor").getText());
            browser.answer("interview_date", "2026-01-22");
            browser.answer("respondent_role", "other");
            var other = browser.await("the specify field", ExpectedConditions.visibilityOfElementLocated(By.id("q-respondent_role-other")));
            other.sendKeys(SCRIPT, Keys.TAB);
            browser.answer("consent", "no");
            String receipt = browser.submitAndAwaitReceipt().getText();
            assertTrue(receipt.contains(SCRIPT), receipt);
            assertEquals(0L, browser.script("return document.querySelectorAll('img').length"), "markup became an element");
            assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        }
        JsonObject response = api.get("api/responses/" + submitted(firm).getJsonObject(0).getJsonNumber("id").longValue())
                .asAdmin().send().json();
        assertEquals(SCRIPT, response.getJsonObject("answers").getString("respondent_role_other"), "stored exactly as typed");
    }

    @Test
    void respondentPagesForbidInlineScriptFramingAndOtherOrigins() {
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        // the page is the same static file for every token: the server looks at the token only in the API
        for (String path : List.of("respond/any-invitation-token", "respond/open/any-open-token", "respond/app.mjs")) {
            var reply = api.get(path).send();
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(policy, reply.header("Content-Security-Policy"), path);
        }
    }

    @Test
    void visitorRegistersThroughTheOpenLinkAnswersAndTheTeamSeesTheNewActor() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("open"), "en");
        var opened = api.put("api/studies/" + ready.studyId() + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .asAdmin().send();
        assertEquals(200, opened.status(), opened::toString);
        String openLink = opened.json().getString("link");
        try (Browser browser = Browser.phone()) {
            browser.open(page(openLink));
            browser.await("the registration form", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-question=name]")));
            assertFitsThePhone(browser, "registration");
            assertEquals("firm", browser.find("#reg-type").getDomProperty("value"), "the link's actor type is the default");
            browser.answer("name", "Menuiserie Diallo");
            browser.answer("sector", "wood");
            browser.answer("location", "Thiès");
            browser.answer("email", "diallo-at-example.org");
            browser.find("[data-action=register]").click();
            browser.await("the server's objection next to the email",
                    d -> browser.errorOf("email").contains("Enter a valid email address"));
            assertEquals("reg-email", browser.script("return document.activeElement.id"));
            assertFitsEveryScreen(browser, "registration with the server's objection");

            browser.switchLanguage("fr");
            assertTrue(browser.labelOf("name").startsWith("Nom de votre entreprise"), browser.labelOf("name"));
            assertEquals("Menuiserie Diallo", browser.find("#reg-name").getDomProperty("value"), "the language switch keeps what was typed");
            browser.answer("email", "diallo@example.org");
            browser.find("[data-action=register]").click();

            browser.await("the questionnaire", d -> !d.findElements(By.cssSelector("section.page[data-section]")).isEmpty());
            assertFalse(browser.driver().getCurrentUrl().contains("/respond/open/"));
            assertEquals("Menuiserie Diallo", browser.find(".actor").getText());
            assertEquals("fr", browser.find("html").getAttribute("lang"), "the language chosen carries on");
            browser.answer("interview_date", "2026-01-23");
            browser.answer("consent", "yes");
            browser.awaitSaved();
            assertEquals(List.of(), browser.contentSecurityViolations());

            browser.driver().navigate().back();
            browser.await("the page before the open link", d -> !d.getCurrentUrl().contains("/respond/"));
        }
        JsonArray register = api.get("api/studies/" + ready.studyId() + "/actors").asAdmin().send().array();
        assertEquals(1, register.size(), register::toString);
        JsonObject actor = register.getJsonObject(0);
        assertEquals("Menuiserie Diallo", actor.getString("name"));
        assertEquals("open_link", actor.getString("registeredVia"));
        assertEquals("diallo@example.org", actor.getString("email"));
        assertEquals("wood", actor.getString("sector"));
        JsonObject progress = api.get(ready.wavePath() + "/progress").asAdmin().send().json();
        assertEquals(1, progress.getJsonObject("firm").getInt("inProgress"), progress::toString);
    }

    @Test
    void arabicRegistrationReadsRightToLeftAndSaysInArabicWhenNoWaveTakesAnswers() {
        var study = api.post("api/studies", """
                {"name": %s, "product": "bread", "place": "Thiès", "languages": ["ar", "fr"],
                 "defaultLanguage": "ar", "k": 5}""".formatted(Fixtures.jsonString(Fixtures.uniqueId("rtl")))).asAdmin().send();
        assertEquals(201, study.status(), study::toString);
        long studyId = study.json().getJsonNumber("id").longValue();
        var opened = api.put("api/studies/" + studyId + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .asAdmin().send();
        assertEquals(200, opened.status(), opened::toString);
        URI openLink = page(opened.json().getString("link"));
        try (Browser browser = Browser.phone()) {
            browser.open(openLink);
            String notice = browser.await("the notice that no wave takes answers",
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message"))).getText();
            assertEquals("لا تجمع هذه الدراسة إجابات في الوقت الحالي.", notice, "said before anybody types in vain");
            assertFitsThePhone(browser, "Arabic notice that no wave takes answers");
            assertTrue(browser.findAll("[data-question=name]").isEmpty());

            java.time.LocalDate today = java.time.LocalDate.now();
            var wave = api.post("api/studies/" + studyId + "/waves", "{\"name\": \"Baseline\", \"opensOn\": \"%s\", \"closesOn\": \"%s\"}"
                    .formatted(today.minusDays(1), today.plusDays(30))).asAdmin().send();
            assertEquals(201, wave.status(), wave::toString);
            browser.open(openLink);
            browser.await("the registration form", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-question=name]")));
            assertEquals("ar", browser.find("html").getAttribute("lang"), "the browser's English is not offered: the study's default");
            assertEquals("rtl", browser.find("html").getAttribute("dir"));
            assertEquals("rtl", browser.script("return getComputedStyle(document.body).direction"));
            assertFitsEveryScreen(browser, "Arabic registration");
            assertEquals("المتابعة إلى الاستبيان", browser.find("[data-action=register]").getText());

            String name = "مخبز النور 🍞 <b>SARL</b>";
            browser.answer("name", name);
            // dir="auto": an Arabic name runs right to left (a Latin one would run left to right)
            assertEquals("rtl", browser.script("return getComputedStyle(document.getElementById('reg-name')).direction"));
            // the wave closes while the visitor types: the refusal comes back in Arabic, and what was
            // typed stays as typed
            var closed = api.put("api/studies/" + studyId + "/waves/" + wave.json().getJsonNumber("id").longValue(),
                    "{\"opensOn\": \"%s\", \"closesOn\": \"%s\"}".formatted(today.minusDays(30), today.minusDays(1)))
                    .asAdmin().send();
            assertEquals(200, closed.status(), closed::toString);
            browser.find("[data-action=register]").click();
            String summary = browser.await("the refusal",
                    ExpectedConditions.visibilityOfElementLocated(By.id("error-summary"))).getText();
            assertTrue(summary.contains("لا تجمع هذه الدراسة إجابات في الوقت الحالي."), summary);
            assertEquals(name, browser.find("#reg-name").getDomProperty("value"));
            assertFitsThePhone(browser, "Arabic registration with the refusal");
        }
        assertEquals(0, api.get("api/studies/" + studyId + "/actors").asAdmin().send().array().size());
    }

    @Test
    void tooManyRegistrationsFromOneConnectionSayHowLongToWait() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("flood"), "en");
        String openLink = api.put("api/studies/" + ready.studyId() + "/open-link", "{\"enabled\": true, \"actorType\": \"firm\"}")
                .asAdmin().send().json().getString("link");
        try (Browser browser = Browser.phone()) {
            browser.open(page(openLink));
            browser.await("the registration form", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-question=name]")));
            browser.answer("name", "Robot");
            // Empty the bucket this browser shares with the test (same address, same link) until the
            // next token is at least two seconds away: the click below comes well within that.
            String registration = "api/respond/open/" + StudyFixtures.token(openLink) + "/registration";
            int retryAfter = 0;
            for (Instant deadline = Instant.now().plusSeconds(20); retryAfter < 3 && Instant.now().isBefore(deadline); ) {
                var reply = api.post(registration, "{}").send();
                retryAfter = reply.status() == 429 ? Integer.parseInt(reply.header("Retry-After")) : 0;
            }
            assertTrue(retryAfter >= 3, "the registrations were never limited");
            browser.find("[data-action=register]").click();
            String summary = browser.await("the wait explained",
                    ExpectedConditions.visibilityOfElementLocated(By.id("error-summary"))).getText();
            assertTrue(summary.matches("(?s).*Too many attempts from this connection\\. Try again in \\d+ s\\..*"), summary);
            assertFitsThePhone(browser, "registration refused for too many attempts");
        }
        assertEquals(0, api.get("api/studies/" + ready.studyId() + "/actors").asAdmin().send().array().size());
    }

    @Test
    void axeFailsAPageWhoseButtonNameLeavesOutItsVisibleText() {
        String page = """
                <!DOCTYPE html><html lang="en"><head><title>Roster</title></head><body><main>
                <button type="button" aria-label="Add: Atelier Fall"><span>Atelier Fall</span> <span>firm · metal · Thiès</span></button>
                </main></body></html>""";
        try (Browser browser = Browser.phone()) {
            browser.open(URI.create("data:text/html;charset=utf-8;base64,"
                    + java.util.Base64.getEncoder().encodeToString(page.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            List<Axe.Violation> found = Axe.violations(browser.driver());
            assertEquals(List.of("label-content-name-mismatch"), found.stream().map(Axe.Violation::rule).toList(), found::toString);
            AssertionError failure = assertThrows(AssertionError.class, () -> Axe.assertNoViolations(browser.driver(), "roster"));
            assertTrue(failure.getMessage().contains("label-content-name-mismatch") && failure.getMessage().contains("button"),
                    failure.getMessage());
        }
    }

    /** Keys sent to whatever has the focus, as on a keyboard; Tab until a target has it. */
    private record Keyboard(Browser browser) {
        void press(CharSequence key) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }

        void type(String text) {
            new Actions(browser.driver()).sendKeys(text).perform();
        }

        void tabTo(String css) {
            for (int i = 0; i < 40; i++) {
                if ((Boolean) browser.script("return document.activeElement.matches(arguments[0])", css)) {
                    return;
                }
                press(Keys.TAB);
            }
            throw new AssertionError("Tab never reached " + css + "; stuck at "
                    + browser.script("return document.activeElement.outerHTML"));
        }
    }
}
