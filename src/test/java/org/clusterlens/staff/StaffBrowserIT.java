package org.clusterlens.staff;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.Axe;
import org.clusterlens.testing.Browser;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.IndexedAnswers;
import org.clusterlens.testing.Interviews;
import org.clusterlens.testing.ServerUrl;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What agents, leads and admins do with the staff web app at "/", in a real Chromium at phone
 * and desktop widths, under the page's strict Content-Security-Policy; axe-core checks every page
 * state at 360 and 1280 px. Screenshots of the main pages go to target/screenshots/.
 */
@ClusterLensIT
class StaffBrowserIT {
    private static final List<Integer> WIDTHS = List.of(Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @ServerUrl
    URL base;

    Api api;
    StudyFixtures fixtures;
    /** The width the test lays its pages out at; the checks and screenshots come back to it. */
    int width = Browser.PHONE_WIDTH;

    @BeforeEach
    void client() {
        Browser.assumeInstalled();
        api = new Api(base);
        fixtures = new StudyFixtures(api);
    }

    private record Person(String email, String password, String name) {
    }

    private Person user(String role, String name) {
        String email = Fixtures.uniqueId(role) + "@example.org";
        String password = "Staff-" + Fixtures.uniqueId("pw") + "-Tuesday";
        var reply = api.post("api/users", """
                {"email": "%s", "displayName": %s, "password": "%s", "roles": ["%s"]}"""
                .formatted(email, Fixtures.jsonString(name), password, role)).asAdmin().send();
        assertEquals(201, reply.status(), reply::toString);
        return new Person(email, password, name);
    }

    // ------------------------------------------------------------------------------------------
    // page helpers

    private URI app() {
        return api.base();
    }

    private static WebElement heading(Browser browser, String text) {
        return browser.await("the page heading " + text, d -> {
            List<WebElement> found = browser.findAll("#page-heading");
            return !found.isEmpty() && found.getFirst().getText().contains(text) ? found.getFirst() : null;
        });
    }

    private static String focused(Browser browser) {
        return (String) browser.script("const e = document.activeElement; return e.id || e.tagName;");
    }

    /** Every check a page state gets, at both widths: axe, no sideways scroll, labels, the CSP. */
    private void check(Browser browser, String state) {
        browser.atWidths(WIDTHS, each -> {
            Axe.assertNoViolations(browser.driver(), state + " at " + each + " px");
            long overflow = (Long) browser.script("return Math.max(0, document.scrollingElement.scrollWidth - innerWidth);");
            assertEquals(0, overflow, state + ": the page scrolls sideways at " + each + " px");
        });
        browser.emulateWidth(width);
        assertEquals(List.of(), browser.unlabelledControls(), state + ": controls without an accessible label");
        assertEquals(List.of(), browser.contentSecurityViolations(), state + ": the Content-Security-Policy blocked something");
    }

    /** The whole page at each width, as a PNG in target/screenshots/{name}-{width}.png. */
    private void screenshot(Browser browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int each : WIDTHS) {
                browser.emulateWidth(each);
                browser.script("window.scrollTo(0, 0);");
                long height = (Long) browser.script("return Math.ceil(document.documentElement.scrollHeight);");
                boolean phone = each < 1000;
                ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                        "width", each, "height", (int) Math.min(Math.max(height, 600), 6000),
                        "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
                byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + each + ".png"), png);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            browser.emulateWidth(width);
        }
    }

    /**
     * Presses Enter on a button or link, as a keyboard user does. (A mouse click lands by
     * coordinates, which the device emulation this test switches between widths can shift.)
     */
    private static void press(WebElement element) {
        element.sendKeys(Keys.ENTER);
    }

    private static void setDate(Browser browser, WebElement input, LocalDate date) {
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, date.toString());
    }

    private static WebElement fieldIn(Browser browser, String form, String pointer) {
        return browser.find("#" + form + " [data-field=\"" + pointer + "\"] input, #" + form + " [data-field=\"" + pointer + "\"] select");
    }

    private static void tab(Browser browser, String name) {
        press(browser.find("a[data-tab=" + name + "]"));
        browser.await("the " + name + " tab", d -> "page".equals(browser.find("a[data-tab=" + name + "]").getAttribute("aria-current"))
                && browser.findAll("#app[aria-busy]").isEmpty());
    }

    /** Signs in with the keyboard alone: Tab from the heading to the email, Tab, Enter. */
    private void signInByKeyboard(Browser browser, Person person) {
        browser.open(app());
        heading(browser, "Sign in");
        assertEquals("page-heading", focused(browser), "the page starts at its heading");
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        WebElement email = browser.find("#sign-in input[type=email]");
        assertEquals(email.getAttribute("id"), focused(browser), "Tab from the heading reaches the email field");
        keys.sendKeys(person.email()).sendKeys(Keys.TAB).sendKeys(person.password()).sendKeys(Keys.ENTER).perform();
        heading(browser, "My studies");
    }

    private void signIn(Browser browser, Person person) {
        browser.open(app());
        heading(browser, "Sign in");
        browser.find("#sign-in input[type=email]").sendKeys(person.email());
        browser.find("#sign-in input[type=password]").sendKeys(person.password(), Keys.ENTER);
        heading(browser, "My studies");
    }

    private Path csv(String name, String content) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), name, ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    /** Answers a link in a new tab the short way (no consent ends the questionnaire), then comes back. */
    private static void respondThrough(Browser browser, String link) {
        String staff = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.openForm(URI.create(link));
        browser.answer("interview_date", LocalDate.now().toString());
        browser.answer("respondent_role", "owner");
        browser.answer("consent", "no");
        browser.submitAndAwaitReceipt();
        browser.driver().close();
        browser.driver().switchTo().window(staff);
    }

    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH})
    void agentRunsAStudyFromSignInToProgress(int width) throws IOException {
        this.width = width;
        Person agent = user("agent", "Awa Diop");
        String studyName = Fixtures.uniqueId("Cashew cluster");
        int version = fixtures.publishedFirmDiagnostic();
        try (Browser browser = Browser.phone()) {
            browser.emulateWidth(width);
            ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                    "origin", app().resolve("/").toString().replaceAll("/$", ""),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

            // a wrong password first: the error is said and focused, and nothing else is told
            browser.open(app());
            heading(browser, "Sign in");
            check(browser, "sign-in");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("sign-in");
                browser.emulateWidth(width);
                screenshot(browser, "sign-in");
            }
            browser.find("#sign-in input[type=email]").sendKeys(agent.email());
            browser.find("#sign-in input[type=password]").sendKeys("not-the-password", Keys.ENTER);
            WebElement summary = browser.await("the sign-in error", d -> browser.find("#sign-in .error-summary").isDisplayed()
                    ? browser.find("#sign-in .error-summary") : null);
            assertTrue(summary.getText().contains("The email address or the password is wrong."), summary.getText());
            assertTrue(focused(browser).equals("DIV"), "the error is focused");
            check(browser, "sign-in refused");

            signInByKeyboard(browser, agent);
            assertTrue(browser.find(".main-nav").getAttribute("textContent").contains("Awa Diop"), "the menu says who is signed in");
            check(browser, "home without studies");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("home without studies");
                browser.emulateWidth(width);
            }

            // a new study, by keyboard: type in each field and press Enter
            // (other tests' studies are listed before it until study membership is merged)
            String nameField = fieldIn(browser, "new-study", "/name").getAttribute("id");
            for (int presses = 0; presses < 40 && !nameField.equals(focused(browser)); presses++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            }
            assertEquals(nameField, focused(browser), "Tab from the heading reaches the new study's name");
            new Actions(browser.driver()).sendKeys(studyName).sendKeys(Keys.TAB).sendKeys("cashew").sendKeys(Keys.TAB)
                    .sendKeys("Bouaké").sendKeys(Keys.ENTER).perform();
            heading(browser, studyName);
            String studyId = browser.find(".study").getAttribute("data-study-id");
            assertEquals("page-heading", focused(browser), "the new page starts at its heading");

            // a wave and the firms' questionnaire
            setDate(browser, fieldIn(browser, "new-wave", "/opensOn"), LocalDate.now().minusDays(1));
            setDate(browser, fieldIn(browser, "new-wave", "/closesOn"), LocalDate.now().plusDays(30));
            fieldIn(browser, "new-wave", "/name").sendKeys("Baseline", Keys.ENTER);
            browser.await("the wave in the table", d -> browser.find(".panel table.data").getText().contains("Baseline"));
            new Select(browser.find("#template-firm select")).selectByValue("firm-diagnostic@" + version);
            press(browser.find("#template-firm button[type=submit]"));
            browser.await("the questionnaire assigned", d -> browser.find("#template-firm").findElement(By.xpath("..")).getText().contains("(firm-diagnostic, version "));
            check(browser, "study overview");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("study overview");
                browser.emulateWidth(width);
            }

            // a register with one bad row: the error at its line and column, nothing imported
            tab(browser, "register");
            browser.find("#register-import input[type=file]").sendKeys(csv("register-bad", StudyFixtures.HEADER
                    + "F1,Boulangerie Ndiaye,firm,food_processing,small,Bouaké,,\r\n"
                    + "F2,Atelier Fall,firm,metal,micro,Bouaké,not-an-email,\r\n"
                    + "I1,Chambre de commerce,institution,services,,Bouaké,,\r\n").toString());
            press(browser.find("#register-import button[type=submit]"));
            WebElement badRows = browser.await("the file's bad rows", d -> browser.findAll("#bad-rows").isEmpty() ? null : browser.find("#bad-rows"));
            String row = badRows.findElement(By.cssSelector("tbody tr")).getText();
            assertTrue(row.contains("3") && row.contains("email") && row.contains("not-an-email"), row);
            assertTrue(focused(browser).equals("DIV"), "the file's problems are focused");
            check(browser, "register file refused");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("register file refused");
                browser.emulateWidth(width);
            }
            if (width == Browser.PHONE_WIDTH) {
                screenshot(browser, "register-refused");
            }
            browser.find("#register-import input[type=file]").sendKeys(csv("register-good", StudyFixtures.HEADER
                    + "F1,Boulangerie Ndiaye,firm,food_processing,small,Bouaké,,\r\n"
                    + "F2,Atelier Fall,firm,metal,micro,Bouaké,fall@example.org,\r\n"
                    + "I1,Chambre de commerce,institution,services,,Bouaké,,\r\n").toString());
            press(browser.find("#register-import button[type=submit]"));
            browser.await("the import's result", d -> browser.find(".register-status").getText().contains("Imported: 3 new, 0 updated."));
            assertEquals("3 actors in the register.", browser.find("#register-count").getText());

            // one more actor by hand, whose name carries a bidi control: shown isolated
            fieldIn(browser, "actor-new", "/name").sendKeys("Coopérative \u202eevil\u202c");
            new Select(fieldIn(browser, "actor-new", "/type")).selectByValue("other");
            fieldIn(browser, "actor-new", "/email").sendKeys("coop-at-example");
            press(browser.find("#actor-new button[type=submit]"));
            browser.await("the email's error next to it", d -> !browser.find("#actor-new [data-field='/email'] .error").getText().isBlank());
            assertEquals(fieldIn(browser, "actor-new", "/email").getAttribute("id"), focused(browser), "the field in error is focused");
            check(browser, "new actor refused");
            fieldIn(browser, "actor-new", "/email").clear();
            fieldIn(browser, "actor-new", "/email").sendKeys("coop@example.org", Keys.ENTER);
            browser.await("the new actor", d -> browser.find("#register-count").getText().equals("4 actors in the register."));
            assertEquals("BDI", browser.findAll("#register-results tbody th bdi").stream()
                    .filter(e -> e.getText().contains("Coop")).findFirst().orElseThrow().getTagName().toUpperCase());

            // search, then edit one actor (or hear that this server cannot yet)
            WebElement search = browser.find("#register-search");
            search.sendKeys("fall", Keys.ENTER);
            browser.await("the search's count", d -> browser.find("#register-count").getText().equals("1 actor found."));
            check(browser, "register searched");
            press(browser.find("[data-action=edit-actor]"));
            WebElement sector = browser.find("form[id^=actor-edit-] [data-field='/sector'] input");
            assertEquals("metal", sector.getAttribute("value"));
            sector.clear();
            sector.sendKeys("metalwork", Keys.ENTER);
            browser.await("the edit saved or refused", d -> browser.find(".register-status").getText().contains("Atelier Fall saved.")
                    || browser.find("form[id^=actor-edit-] .error-summary").isDisplayed());
            check(browser, "actor edited");

            // invitations for everyone; the link copied is the one the respondent opens
            tab(browser, "invitations");
            press(browser.find("#invite-all button[type=submit]"));
            browser.await("the links", d -> browser.findAll("#invitation-list [data-action=copy]").size() == 4);
            check(browser, "invitations issued");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("invitations issued");
                browser.emulateWidth(width);
            }
            if (width == Browser.PHONE_WIDTH) {
                screenshot(browser, "invitations");
            }
            WebElement firmRow = browser.findAll("#invitation-list tbody tr").stream()
                    .filter(r -> r.getText().contains("Boulangerie Ndiaye")).findFirst().orElseThrow();
            String link = firmRow.findElement(By.cssSelector("input[data-link=copy]")).getAttribute("value");
            assertTrue(link.startsWith(app().toString() + "respond/"), link);
            press(firmRow.findElement(By.cssSelector("[data-action=copy]")));
            browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(10));
            Object copied = ((ChromeDriver) browser.driver()).executeAsyncScript(
                    "const done = arguments[0]; navigator.clipboard.readText().then(done, (e) => done('no clipboard: ' + e));");
            assertEquals(link, copied, "the copy button puts the link on the clipboard");

            respondThrough(browser, link);

            tab(browser, "progress");
            browser.await("the progress moved", d -> browser.find("#progress-summary").getText().equals("1 of 4 submitted"));
            assertTrue(browser.find("table.data").getText().contains("Firms"));
            assertFalse(browser.findAll("svg.chart rect.bar.submitted").isEmpty(), "the chart draws the submitted bar");
            check(browser, "progress");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("progress");
                browser.emulateWidth(width);
            }
            if (width == Browser.PHONE_WIDTH) {
                screenshot(browser, "progress");
            }

            tab(browser, "responses");
            WebElement response = browser.await("the response", d -> browser.findAll("a[data-response-id]").isEmpty() ? null : browser.find("a[data-response-id]"));
            assertEquals("Boulangerie Ndiaye", response.getText(), "agents see who answered");
            check(browser, "responses");
            press(response);
            heading(browser, "Response of Boulangerie Ndiaye");
            assertTrue(browser.find("dl.answers").getText().contains("no"), browser.find("dl.answers").getText());
            check(browser, "one response");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("one response");
                browser.emulateWidth(width);
            }

            // a lead joins the study's team
            Person lead = user("lead", "Lamine Lead");
            press(browser.find(".breadcrumb a"));
            browser.await("the responses again", d -> !browser.findAll("a[data-tab=responses][aria-current=page]").isEmpty());
            tab(browser, "members");
            if (browser.findAll("#add-member").isEmpty()) {
                assertTrue(browser.find("#app").getText().contains("Study membership is not available on this server yet."));
            } else {
                assertTrue(browser.find("table.data").getText().contains(agent.email()), "the study's creator is its first member");
                fieldIn(browser, "add-member", "/email").sendKeys(lead.email());
                new Select(fieldIn(browser, "add-member", "/role")).selectByValue("lead");
                press(browser.find("#add-member button[type=submit]"));
                browser.await("the lead in the team", d -> browser.find("table.data").getText().contains(lead.email()));
                check(browser, "members");
            }

            // the open link, its address and its QR code
            tab(browser, "overview");
            press(browser.find("#open-link-on button[type=submit]"));
            WebElement qr = browser.await("the QR code", d -> {
                List<WebElement> image = browser.findAll("#open-link-qr");
                return !image.isEmpty() && Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image.getFirst()))
                        ? image.getFirst() : null;
            });
            assertEquals("QR code of the open link", qr.getAttribute("alt"));
            check(browser, "open link on");
            if (width == Browser.PHONE_WIDTH) {
                screenshot(browser, "study");
            }

            browser.open(app());
            heading(browser, "My studies");
            String glance = browser.find("[data-progress]").getText();
            assertTrue(glance.startsWith("1 of 4 submitted"), glance);
            check(browser, "home with a study");
            if (width == Browser.PHONE_WIDTH) {
                browser.assertReflows("home with a study");
                browser.emulateWidth(width);
            }
            if (width == Browser.PHONE_WIDTH) {
                screenshot(browser, "home");
            }
        }
    }

    @Test
    void frenchFromTheBrowsersLanguageAndTheSwitch() {
        try (Browser browser = Browser.phone()) {
            browser.open(app());
            heading(browser, "Sign in");
            String agent = (String) browser.script("return navigator.userAgent;");
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setUserAgentOverride",
                    Map.of("userAgent", agent, "acceptLanguage", "fr-FR"));
            browser.driver().navigate().refresh();
            heading(browser, "Se connecter à ClusterLens");
            assertEquals("fr", browser.find("html").getAttribute("lang"));
            check(browser, "sign-in in French");

            new Select(browser.find("#language")).selectByValue("en");
            heading(browser, "Sign in to ClusterLens");
            assertEquals("language", focused(browser), "the switch keeps the focus");
            browser.driver().navigate().refresh();
            heading(browser, "Sign in to ClusterLens");
            assertEquals("en", browser.find("html").getAttribute("lang"), "the choice is remembered over the browser's language");
        }
    }

    @Test
    void adminManagesUsersAndEveryoneHasAnAccountPage() {
        try (Browser browser = Browser.phone()) {
            signIn(browser, new Person(org.clusterlens.testing.ItEnvironment.ADMIN_EMAIL,
                    org.clusterlens.testing.ItEnvironment.ADMIN_PASSWORD, "Admin"));
            press(browser.find(".main-nav a[href='#/users']"));
            heading(browser, "Users");
            String email = Fixtures.uniqueId("lead") + "@example.org";
            fieldIn(browser, "new-user", "/email").sendKeys(email);
            fieldIn(browser, "new-user", "/displayName").sendKeys("Lead ‮Reversed‬ Name");
            fieldIn(browser, "new-user", "/password").sendKeys("short");
            press(browser.find("#new-user button[type=submit]"));
            browser.await("the password's error next to it", d -> !browser.find("#new-user [data-field='/password'] .error").getText().isBlank());
            assertEquals("true", fieldIn(browser, "new-user", "/password").getAttribute("aria-invalid"));
            check(browser, "users: new user refused");
            fieldIn(browser, "new-user", "/password").clear();
            fieldIn(browser, "new-user", "/password").sendKeys("Staff-" + Fixtures.uniqueId("pw") + "-Tuesday", Keys.ENTER);
            browser.await("the new user in the list", d -> browser.find("table.data").getText().contains(email));
            WebElement row = browser.findAll("table.data tbody tr").stream().filter(r -> r.getText().contains(email)).findFirst().orElseThrow();
            press(row.findElement(By.cssSelector("summary")));
            WebElement enabled = row.findElement(By.cssSelector("[data-field='/enabled'] input"));
            assertTrue(enabled.isSelected());
            enabled.sendKeys(Keys.SPACE);
            press(row.findElement(By.cssSelector("button[type=submit]")));
            browser.await("the user disabled", d -> browser.findAll("table.data tbody tr").stream()
                    .anyMatch(r -> r.getText().contains(email) && r.findElement(By.cssSelector("td[data-label='Can sign in']")).getText().equals("No")));
            WebElement name = browser.findAll("table.data tbody tr").stream().filter(r -> r.getText().contains(email))
                    .findFirst().orElseThrow().findElement(By.cssSelector("bdi"));
            assertEquals("BDI", name.getTagName().toUpperCase(), "a typed name is isolated");
            check(browser, "users");
            screenshot(browser, "users");

            press(browser.find(".main-nav a[href='#/account']"));
            heading(browser, "My account");
            check(browser, "my account");
            screenshot(browser, "account");
            if (browser.findAll("#new-token-form").isEmpty()) {
                assertTrue(browser.find("#app").getText().contains("API tokens are not available on this server yet."));
            } else {
                fieldIn(browser, "new-token-form", "/name").sendKeys("nightly export", Keys.ENTER);
                WebElement token = browser.await("the new token, shown once", d -> browser.findAll("#new-token input").isEmpty()
                        ? null : browser.find("#new-token input"));
                assertEquals(token.getAttribute("id"), focused(browser), "the new token is focused to copy it");
                var me = api.get("api/session").header("Authorization", "Bearer " + token.getAttribute("value")).send();
                assertEquals(200, me.status(), "the token shown works: " + me);
                assertTrue(browser.find("#token-list").getText().contains("nightly export"), "the list shows the new token");
                check(browser, "my account with a new token");
            }
        }
    }

    @Test
    void leadSearchesTheWrittenAnswersWithHighlightsAndFacets() throws InterruptedException {
        StudyFixtures.Ready study = fixtures.study(Fixtures.uniqueId("themes study"), "fr");
        assertEquals(200, fixtures.importActors(study.studyId(), StudyFixtures.HEADER
                + "B1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,,\r\n"
                + "B2,Pâtisserie Fall,firm,food_processing,small,Thiès,,\r\n").status());
        String answers = Interviews.firmDiagnostic().toString();
        for (JsonObject invitation : fixtures.inviteAll(study, false).getValuesAs(JsonObject.class)) {
            submitFirmDiagnostic(invitation, answers);
        }
        Person lead = leadOf(study);
        long responses = api.get(study.wavePath() + "/responses").asAdmin().send().array().size();
        IndexedAnswers.awaitResponses(api, study.studyId(), responseIds(study), java.time.Duration.ofSeconds(30));
        assertEquals(2, responses);

        try (Browser browser = Browser.phone()) {
            signIn(browser, lead);
            browser.open(app().resolve("#/studies/" + study.studyId() + "/themes"));
            browser.await("every answer listed", d -> browser.findAll("#search-count").size() == 1);
            WebElement query = browser.find("#answer-search");
            query.sendKeys("farine", Keys.ENTER);
            // each firm wrote of flour twice: among its main inputs and among its sourcing difficulties
            browser.await("the hits for farine", d -> browser.find("#search-count").getText().equals("4 answers found"));
            List<WebElement> hits = browser.findAll(".hit");
            assertEquals(4, hits.size());
            for (WebElement hit : hits) {
                assertEquals("farine", hit.findElement(By.cssSelector("mark")).getText().toLowerCase(java.util.Locale.ROOT));
                assertTrue(hit.findElement(By.cssSelector("a")).getText().startsWith("P-"), "a pseudonym: " + hit.getText());
            }
            assertEquals(2, hits.stream().filter(h -> h.getText().contains("Le prix de la farine a doublé en 2024.")).count(),
                    "a multi-line answer reads as typed");
            String page = browser.find("#app").getText();
            assertFalse(page.contains("Ndiaye") || page.contains("Fall"), "a lead reads no names: " + page);
            check(browser, "answer search");
            screenshot(browser, "themes-search");

            // a facet narrows the hits and says it is on; a query the server cannot read is said at the field
            query.clear();
            query.sendKeys(Keys.ENTER);
            WebElement facet = browser.await("the question facet", d -> browser.findAll("[data-facet=question] button[data-value=swot_strengths]")
                    .stream().findFirst().orElse(null));
            press(facet);
            browser.await("one question's answers", d -> browser.find("#search-count").getText().equals("2 answers found")
                    && "true".equals(browser.find("[data-facet=question] button[data-value=swot_strengths]").getAttribute("aria-pressed")));
            assertTrue(browser.findAll(".hit").stream().allMatch(h -> "swot_strengths".equals(h.getAttribute("data-question"))));
            query = browser.find("#answer-search");
            query.sendKeys("farine AND (", Keys.ENTER);
            WebElement error = browser.await("the syntax error", d -> browser.findAll("#answer-search-form [data-field=q] .error")
                    .stream().filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
            assertFalse(error.getText().isBlank());
            check(browser, "answer search with a bad query");

        }
    }

    @Test
    void leadKeepsTheCodebookUnderTheSearch() throws InterruptedException {
        StudyFixtures.Ready study = fixtures.study(Fixtures.uniqueId("codebook study"), "fr");
        assertEquals(200, fixtures.importActors(study.studyId(), StudyFixtures.HEADER
                + "B1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,,\r\n"
                + "B2,Pâtisserie Fall,firm,food_processing,small,Thiès,,\r\n").status());
        String answers = Interviews.firmDiagnostic().toString();
        for (JsonObject invitation : fixtures.inviteAll(study, false).getValuesAs(JsonObject.class)) {
            submitFirmDiagnostic(invitation, answers);
        }
        Person lead = leadOf(study);
        IndexedAnswers.awaitResponses(api, study.studyId(), responseIds(study), java.time.Duration.ofSeconds(30));

        try (Browser browser = Browser.phone()) {
            signIn(browser, lead);
            browser.open(app().resolve("#/studies/" + study.studyId() + "/themes"));
            browser.await("the codebook", d -> browser.findAll("#add-theme").size() == 1);
            assertTrue(browser.find("#codebook").getText().contains("No theme yet"), browser.find("#codebook").getText());

            // the lead adds a theme whose query codes the answers about delays, renames it, deletes it
            browser.find("#add-theme [data-field='/name'] input").sendKeys("Livraisons");
            browser.find("#add-theme [data-field='/query'] input").sendKeys("livraisons");
            press(browser.find("#add-theme button[type=submit]"));
            browser.await("the new theme and its answers", d -> browser.findAll("#codebook table").size() == 1
                    && browser.find("#codebook table").getText().contains("Livraisons")
                    && browser.find("#codebook table").getText().contains("2 answers"));
            check(browser, "codebook with a theme");
            screenshot(browser, "themes-codebook");

            press(browser.find("#add-theme button[type=submit]"));
            WebElement error = browser.await("the empty name said at the field", d -> browser
                    .findAll("#add-theme [data-field='/name'] .error").stream().filter(e -> !e.getText().isBlank())
                    .findFirst().orElse(null));
            assertFalse(error.getText().isBlank());

            WebElement newName = browser.find("#codebook form[id^=rename-theme-] input");
            newName.clear();
            newName.sendKeys("Retards de livraison", Keys.ENTER);
            browser.await("the renamed theme", d -> browser.findAll("#codebook table").size() == 1
                    && browser.find("#codebook table").getText().contains("Retards de livraison"));
            press(browser.find("#codebook button[data-action=delete-theme]"));
            browser.await("an empty codebook", d -> browser.findAll("#codebook table").isEmpty());
            assertFalse(browser.find("#app").getText().contains("Ndiaye"), "a lead reads no names");
        }
    }

    @Test
    void leadAcceptsACandidateThemeThatCodesAnAnswerSubmittedAfterwards() throws InterruptedException {
        StudyFixtures.Ready study = fixtures.study(Fixtures.uniqueId("candidates study"), "fr");
        assertEquals(200, fixtures.importActors(study.studyId(), StudyFixtures.HEADER
                + "B1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,,\r\n"
                + "B2,Pâtisserie Fall,firm,food_processing,small,Thiès,,\r\n"
                + "B3,Biscuiterie Sarr,firm,food_processing,small,Thiès,,\r\n").status());
        String answers = Interviews.firmDiagnostic().toString();
        List<JsonObject> invitations = fixtures.inviteAll(study, false).getValuesAs(JsonObject.class);
        for (JsonObject invitation : invitations.subList(0, 2)) {
            submitFirmDiagnostic(invitation, answers);
        }
        Person lead = leadOf(study);
        Set<Long> before = responseIds(study);
        IndexedAnswers.awaitResponses(api, study.studyId(), before, java.time.Duration.ofSeconds(30));

        try (Browser browser = Browser.phone()) {
            signIn(browser, lead);
            browser.open(app().resolve("#/studies/" + study.studyId() + "/themes"));
            browser.await("the search", d -> browser.findAll("#search-count").size() == 1);
            browser.find("#answer-search").sendKeys("farine", Keys.ENTER);
            browser.await("the hits for farine", d -> browser.find("#search-count").getText().equals("4 answers found"));

            press(browser.find("#candidates-form button[type=submit]"));
            WebElement candidate = browser.await("the candidate themes", d -> browser.findAll(".candidate[data-theme='0']")
                    .stream().findFirst().orElse(null));
            String label = candidate.findElement(By.cssSelector("h3")).getText();
            assertFalse(label.isBlank());
            assertFalse(candidate.findElements(By.cssSelector(".quote blockquote")).isEmpty(), "the theme reads as quotes");
            assertFalse(browser.find("#app").getText().contains("Ndiaye"), "a lead reads no names among the quotes");
            press(candidate.findElement(By.cssSelector(".theme-actions button")));
            browser.await("the accepted theme in the codebook", d -> browser.findAll("#codebook table").size() == 1
                    && browser.find("#codebook table").getText().contains(label));
            assertTrue(candidate.getText().contains("is in the codebook"), candidate.getText());
            int heldAtAcceptance = answerCount(browser.find("#codebook table tbody").getText());
            check(browser, "a candidate accepted into the codebook");
            screenshot(browser, "themes-candidate-accepted");

            // the third firm answers afterwards: nobody codes it, the theme's query does
            submitFirmDiagnostic(invitations.get(2), answers);
            Set<Long> after = responseIds(study);
            after.removeAll(before);
            long late = after.iterator().next();
            IndexedAnswers.awaitResponses(api, study.studyId(), responseIds(study), java.time.Duration.ofSeconds(30));
            press(browser.find("#codebook button[data-action=show-answers]"));
            browser.await("the theme's answers", d -> !browser.findAll("[data-facet=theme] button[aria-pressed=true]").isEmpty()
                    && !browser.findAll("#search-count").isEmpty());
            assertEquals("search-count", focused(browser), "the answers found are where the reader is taken");
            int heldNow = answerCount(browser.find("#search-count").getText());
            assertTrue(heldNow > heldAtAcceptance, "the theme holds " + heldNow + " answers, " + heldAtAcceptance
                    + " when it was accepted: the late firm's answers are coded by it");
            boolean lateSeen = false;
            for (int page = 1; page <= 10 && !lateSeen; page++) {
                lateSeen = !browser.findAll(".hit[data-response-id='" + late + "']").isEmpty();
                List<WebElement> next = browser.findAll("nav.pager button").stream()
                        .filter(b -> b.getText().equals("Next page")).toList();
                if (!lateSeen && !next.isEmpty()) {
                    String shown = browser.find("nav.pager span").getText();
                    press(next.getFirst());
                    browser.await("the next page of the theme's answers", d -> !browser.findAll("nav.pager span").isEmpty()
                            && !browser.find("nav.pager span").getText().equals(shown));
                }
            }
            assertTrue(lateSeen, "the late firm's answers are among the theme's answers");
        }
    }

    /** The number in "12 answers" or "1 answer found"; a theme's name may hold other numbers. */
    private static int answerCount(String text) {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("(\\d+) answers?\\b").matcher(text);
        assertTrue(number.find(), "a count of answers in: " + text);
        return Integer.parseInt(number.group(1));
    }

    @Test
    void leadReviewsSuggestionsLearntFromHandCodingOneByOne() throws InterruptedException {
        StudyFixtures.Ready study = fixtures.study(Fixtures.uniqueId("suggestions study"), "fr");
        assertEquals(200, fixtures.importActors(study.studyId(), StudyFixtures.HEADER
                + "B1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,,\r\n"
                + "B2,Pâtisserie Fall,firm,food_processing,small,Thiès,,\r\n"
                + "B3,Biscuiterie Sarr,firm,food_processing,small,Thiès,,\r\n"
                + "B4,Boulangerie Diop,firm,food_processing,small,Thiès,,\r\n").status());
        String answers = Interviews.firmDiagnostic().toString();
        for (JsonObject invitation : fixtures.inviteAll(study, false).getValuesAs(JsonObject.class)) {
            submitFirmDiagnostic(invitation, answers);
        }
        Person lead = leadOf(study);
        List<Long> responses = responseIds(study).stream().sorted().toList();
        IndexedAnswers.awaitResponses(api, study.studyId(), Set.copyOf(responses), java.time.Duration.ofSeconds(30));

        // three firms' inputs coded into one theme and their threats into another, through the API
        String themes = "api/studies/" + study.studyId() + "/themes";
        Map<String, Long> themeIds = new java.util.HashMap<>();
        for (String name : List.of("Intrants", "Énergie")) {
            var created = api.post(themes, "{\"name\": \"" + name + "\"}").asAdmin().send();
            assertEquals(201, created.status(), created::toString);
            themeIds.put(name, created.json().getJsonNumber("id").longValue());
        }
        for (long response : responses.subList(0, 3)) {
            for (var code : Map.of("main_inputs", "Intrants", "swot_threats", "Énergie").entrySet()) {
                var coded = api.put(themes + "/" + themeIds.get(code.getValue()) + "/answers/" + response + "." + code.getKey(), "")
                        .asAdmin().send();
                assertEquals(200, coded.status(), coded::toString);
            }
        }

        try (Browser browser = Browser.phone()) {
            signIn(browser, lead);
            browser.open(app().resolve("#/studies/" + study.studyId() + "/themes"));
            press(browser.await("the suggestions button", d -> browser.findAll("button[data-action=show-suggestions]")
                    .stream().findFirst().orElse(null)));
            browser.await("the suggestions", d -> browser.findAll("#suggestions-count").size() == 1
                    && !browser.findAll(".suggested-answer").isEmpty());
            assertTrue(browser.find("#suggestions-count").getText().contains("6"), browser.find("#suggestions-count").getText());
            String fourth = String.valueOf(responses.get(3));
            WebElement first = browser.findAll(".suggested-answer").getFirst();
            assertTrue(first.getAttribute("data-answer-key").startsWith(fourth + "."),
                    "the uncoded firm's answer like the coded ones comes first: " + first.getText());
            assertTrue(first.getText().contains("%"), first.getText());
            assertFalse(browser.find("#app").getText().contains("Ndiaye"), "a lead reads no names");
            check(browser, "suggestions to review");
            screenshot(browser, "themes-suggestions");

            // accept the most confident suggestion, then reject the next answer's first one
            WebElement accepted = first.findElement(By.cssSelector(".suggestion"));
            String acceptedKey = accepted.getAttribute("data-answer-key");
            String acceptedTheme = accepted.getAttribute("data-theme-id");
            String acceptedPair = "[data-answer-key='" + acceptedKey + "'][data-theme-id='" + acceptedTheme + "']";
            press(accepted.findElement(By.cssSelector("button[data-action=accept]")));
            browser.await("the accepted suggestion gone", d -> browser.findAll(".suggestion" + acceptedPair).isEmpty()
                    && browser.find(".suggestions-status").getText().contains("coded into"));
            WebElement rejected = browser.findAll(".suggested-answer .suggestion").getFirst();
            String rejectedPair = "[data-answer-key='" + rejected.getAttribute("data-answer-key") + "'][data-theme-id='"
                    + rejected.getAttribute("data-theme-id") + "']";
            press(rejected.findElement(By.cssSelector("button[data-action=reject]")));
            browser.await("the rejected suggestion gone", d -> browser.findAll(".suggestion" + rejectedPair).isEmpty()
                    && browser.find(".suggestions-status").getText().contains("coded out of"));
            check(browser, "suggestions after an acceptance and a rejection");

            // every suggestion shown above a threshold just under the most confident one, at once
            WebElement top = browser.findAll(".suggested-answer .suggestion").getFirst();
            String topPair = "[data-answer-key='" + top.getAttribute("data-answer-key") + "'][data-theme-id='"
                    + top.getAttribute("data-theme-id") + "']";
            String said = top.findElement(By.cssSelector(".suggested-theme")).getText();
            int percent = Integer.parseInt(said.replaceAll(".*?(\\d+) %$", "$1"));
            WebElement threshold = fieldIn(browser, "accept-suggestions", "threshold");
            threshold.clear();
            threshold.sendKeys(String.valueOf(Math.max(percent - 1, 0)));
            WebElement bulk = browser.find("#accept-suggestions button[type=submit]");
            assertEquals("Accept all shown above " + Math.max(percent - 1, 0) + " %", bulk.getText());
            press(bulk);
            browser.await("the suggestions accepted at once gone", d -> browser.findAll(".suggestion" + topPair).isEmpty()
                    && browser.find(".suggestions-status").getText().contains("accepted"));

            var inTheme = api.get(themes + "/" + acceptedTheme + "/answers").asAdmin().send().json().getJsonArray("hits")
                    .getValuesAs(JsonObject.class).stream().map(h -> h.getString("answerKey")).toList();
            assertTrue(inTheme.contains(acceptedKey), "the accepted answer is in the theme: " + inTheme);
        }
    }

    /** A new user made a lead of the study. */
    private Person leadOf(StudyFixtures.Ready study) {
        Person lead = user("lead", "Lina Lead");
        assertEquals(201, api.post("api/studies/" + study.studyId() + "/members",
                "{\"email\": \"" + lead.email() + "\", \"role\": \"lead\"}").asAdmin().send().status());
        return lead;
    }

    private void submitFirmDiagnostic(JsonObject invitation, String answers) {
        var submitted = api.post("api/respond/" + StudyFixtures.token(invitation.getString("link")) + "/submission",
                "{\"submissionId\": \"" + java.util.UUID.randomUUID() + "\", \"language\": \"fr\", \"answers\": "
                        + answers + "}").send();
        assertEquals(201, submitted.status(), submitted::toString);
    }

    private Set<Long> responseIds(StudyFixtures.Ready study) {
        return api.get(study.wavePath() + "/responses").asAdmin().send().array().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("id").longValue()).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    @Test
    void leadCodesAnAnswerAndReadsThemeCountsWithSmallCellsSuppressed() throws InterruptedException {
        StudyFixtures.Ready study = fixtures.study(Fixtures.uniqueId("codes study"), "fr", 2);
        assertEquals(200, fixtures.importActors(study.studyId(), StudyFixtures.HEADER
                + "B1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,,\r\n"
                + "B2,Pâtisserie Fall,firm,food_processing,small,Thiès,,\r\n").status());
        String answers = Interviews.firmDiagnostic().toString();
        for (JsonObject invitation : fixtures.inviteAll(study, false).getValuesAs(JsonObject.class)) {
            submitFirmDiagnostic(invitation, answers);
        }
        Person lead = leadOf(study);
        String themes = "api/studies/" + study.studyId() + "/themes";
        var flour = api.post(themes, "{\"name\": \"Farine\", \"query\": \"farine\"}").asAdmin().send();
        assertEquals(201, flour.status(), flour::toString);
        var byHand = api.post(themes, "{\"name\": \"Qualité\"}").asAdmin().send();
        assertEquals(201, byHand.status(), byHand::toString);
        long flourId = flour.json().getJsonNumber("id").longValue();
        long byHandId = byHand.json().getJsonNumber("id").longValue();
        IndexedAnswers.awaitResponses(api, study.studyId(), responseIds(study), java.time.Duration.ofSeconds(30));

        try (Browser browser = Browser.phone()) {
            signIn(browser, lead);
            browser.open(app().resolve("#/studies/" + study.studyId() + "/themes"));
            browser.await("the search", d -> browser.findAll("#search-count").size() == 1);
            browser.find("#answer-search").sendKeys("farine", Keys.ENTER);
            browser.await("the hits for farine", d -> browser.find("#search-count").getText().equals("4 answers found")
                    && browser.findAll(".hit .hit-codes").size() == 4);
            WebElement codes = browser.findAll(".hit .hit-codes").getFirst();
            String answerKey = codes.getAttribute("data-answer-key");
            String codesOf = ".hit-codes[data-answer-key='" + answerKey + "']";
            assertEquals("Codes: Farine", codes.findElement(By.cssSelector("summary")).getText(), "what the server says it is in");

            // the lead codes the answer into the hand-only theme, then out of the one its query puts it in
            press(codes.findElement(By.cssSelector("summary")));
            WebElement into = browser.find(codesOf + " input[data-theme-id='" + byHandId + "']");
            assertFalse(into.isSelected());
            into.sendKeys(Keys.SPACE);
            browser.await("coded into Qualité", d -> browser.find(codesOf + " summary").getText().equals("Codes: Farine, Qualité"));
            assertEquals("Coded into Qualité.", browser.find(codesOf + " .hit-codes-status").getText());
            WebElement outOf = browser.find(codesOf + " input[data-theme-id='" + flourId + "']");
            assertTrue(outOf.isSelected());
            outOf.sendKeys(Keys.SPACE);
            browser.await("coded out of Farine", d -> browser.find(codesOf + " summary").getText().equals("Codes: Qualité"));
            assertEquals(String.valueOf(flourId), browser.find(codesOf + " input[data-theme-id='" + flourId + "']")
                    .getAttribute("data-theme-id"));
            assertFalse(browser.find(codesOf + " input[data-theme-id='" + flourId + "']").isSelected());
            assertTrue(focused(browser).startsWith("code-"), "the box just used keeps the focus: " + focused(browser));
            browser.await("the codebook counts the hand codes", d -> browser.find("#codebook table").getText().contains("3 answers")
                    && browser.find("#codebook table").getText().contains("1 answer"));
            check(browser, "an answer's codes, edited");
            screenshot(browser, "themes-hit-codes");

            // the codes come from the server: searched again, the hit says the same
            WebElement query = browser.find("#answer-search");
            query.clear();
            query.sendKeys("farine", Keys.ENTER);
            browser.await("the hit searched again", d -> !browser.findAll(codesOf).isEmpty()
                    && browser.find(codesOf + " summary").getText().equals("Codes: Qualité"));

            // the counts, k = 2: Farine's answers come from both firms and are drawn; Qualité's one answer is suppressed
            WebElement counts = browser.await("the theme counts", d -> browser.findAll("#theme-counts table").size() == 2
                    ? browser.find("#theme-counts") : null);
            assertTrue(counts.getText().contains("suppressed (fewer than 2)"), counts.getText());
            assertEquals(1, browser.findAll("#theme-counts svg rect").size(), "one bar: Farine's firms; none for Qualité's");
            assertEquals(1, browser.findAll("#theme-counts svg [data-suppressed]").size());
            new Select(browser.find("[data-field=counts-by]")).selectByValue("sector");
            browser.await("the counts by sector", d -> browser.find("#theme-counts caption").getText().contains("by sector")
                    && browser.find("#theme-counts").getText().contains("suppressed (fewer than 2)"));
            assertTrue(browser.find("#theme-counts svg title").getAttribute("textContent").contains("by sector"));
            assertEquals(1, browser.findAll("#theme-counts svg rect").size());
            List<String> rows = browser.findAll("#theme-counts table").getFirst().findElements(By.cssSelector("tbody tr"))
                    .stream().map(WebElement::getText).toList();
            String flourRow = rows.stream().filter(r -> r.contains("Farine")).findFirst().orElseThrow();
            String byHandRow = rows.stream().filter(r -> r.contains("Qualité")).findFirst().orElseThrow();
            assertTrue(flourRow.contains("3"), flourRow);
            assertFalse(byHandRow.replace("suppressed (fewer than 2)", "").matches("(?s).*\\d.*"),
                    "the cell under k is words, never its number: " + byHandRow);
            check(browser, "theme counts with small cells suppressed");
            screenshot(browser, "themes-counts");
            assertFalse(browser.find("#app").getText().contains("Ndiaye"), "a lead reads no names");
        }
    }

    @Test
    void leadSeesOnlyTheirStudyPseudonymised() {
        StudyFixtures.Ready theirs = fixtures.study(Fixtures.uniqueId("lead study"), "en");
        StudyFixtures.Ready other = fixtures.study(Fixtures.uniqueId("other study"), "en");
        var imported = fixtures.importActors(theirs.studyId(), StudyFixtures.HEADER
                + "F1,Boulangerie Ndiaye,firm,food_processing,small,Thiès,owner@ndiaye.example,+221 77 000 00 00\r\n");
        assertEquals(200, imported.status(), imported::toString);
        String link = api.base().resolve(fixtures.inviteAll(theirs, false).getJsonObject(0).getString("link").substring(1)).toString();
        Person lead = user("lead", "Léa Lead");
        var member = api.post("api/studies/" + theirs.studyId() + "/members",
                "{\"email\": \"" + lead.email() + "\", \"role\": \"lead\"}").asAdmin().send();
        Assumptions.assumeTrue(member.status() != 404 && member.status() != 405,
                "POST /api/studies/{id}/members is not on this branch yet (answered " + member.status()
                        + "): the lead's view is checked once study membership is merged");
        assertEquals(201, member.status(), member::toString);
        try (Browser browser = Browser.phone()) {
            respondThrough(browser, link);
            signIn(browser, lead);
            Set<String> listed = browser.findAll("[data-study-id]").stream().map(e -> e.getAttribute("data-study-id")).collect(Collectors.toSet());
            assertEquals(Set.of(String.valueOf(theirs.studyId())), listed, "a lead sees only their studies");
            assertFalse(browser.find("#app").getText().contains("New study"), "leads do not create studies");
            check(browser, "lead's home");
            browser.open(app().resolve("#/studies/" + other.studyId()));
            heading(browser, "Study not found");
            browser.open(app().resolve("#/studies/" + theirs.studyId() + "/responses"));
            WebElement response = browser.await("the response", d -> browser.findAll("a[data-response-id]").isEmpty() ? null : browser.find("a[data-response-id]"));
            assertTrue(response.getText().startsWith("P-"), "a pseudonym, not a name: " + response.getText());
            String page = browser.find("#app").getText();
            assertFalse(page.contains("Boulangerie Ndiaye"), page);
            check(browser, "lead's responses");
            screenshot(browser, "lead-responses");

            // the export choices: the link is the download, with what was chosen
            new Select(browser.find("#export-choices select[name=format]")).selectByValue("csv");
            new Select(browser.find("#export-choices select[name=choices]")).selectByValue("labels");
            new Select(browser.find("#export-choices select[name=multiple]")).selectByValue("joined");
            String href = browser.find("#export-download").getAttribute("href");
            assertTrue(href.contains("/export.csv?") && href.contains("choices=labels") && href.contains("multiple=joined")
                    && href.contains("lang=en"), href);
            assertTrue(browser.find("#export-choices").getText().contains("Pseudonymised"));
            check(browser, "export choices");
            String download = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(async (r) => done(r.status + '|' + r.headers.get('content-disposition') + '|' + await r.text()))"
                            + ".catch((e) => done('failed ' + e));", href);
            assertTrue(download.startsWith("200|attachment;"), download);
            assertTrue(download.contains("actor_pseudonym") && download.contains("\"P-"), download);
            assertFalse(download.contains("Boulangerie Ndiaye"), "the lead's download is pseudonymised");
            press(response);
            heading(browser, "Response of P-");
            assertFalse(browser.find("#app").getText().contains("Ndiaye"));
            browser.open(app().resolve("#/studies/" + theirs.studyId() + "/register"));
            browser.await("the register", d -> browser.findAll("#register-count").size() == 1);
            page = browser.find("#app").getText();
            assertFalse(page.contains("owner@ndiaye.example") || page.contains("+221"), page);
            assertTrue(browser.findAll("#register-import").isEmpty(), "leads do not import");
            assertTrue(browser.findAll("a[data-tab=invitations]").isEmpty(), "who was invited is fieldwork");
            assertFalse(browser.findAll("a[data-tab=responses]").isEmpty());
        }
    }

    @Test
    void openLinkQrCodeIsTheLinkTheAgentHoldsAndOnlyThat() {
        StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("qr"), "en");
        String path = "api/studies/" + ready.studyId() + "/open-link";
        var off = api.get(path + "/qr.svg?token=abc").asAdmin().send();
        assertEquals(404, off.status(), off::toString);
        assertTrue(off.contentType().startsWith("application/problem+json"), off::toString);
        JsonObject on = api.put(path, "{\"enabled\": true, \"actorType\": \"firm\"}").asAdmin().send().json();
        String token = StudyFixtures.token(on.getString("link"));
        var qr = api.get(path + "/qr.svg?token=" + token).asAdmin().send();
        assertEquals(200, qr.status(), qr::toString);
        assertTrue(qr.contentType().startsWith("image/svg+xml"), qr::toString);
        assertTrue(qr.body().contains("<title>QR code of " + api.base() + "respond/open/" + token + "</title>"), qr.body());
        assertEquals(1, qr.body().split("<path", -1).length - 1);
        var wrong = api.get(path + "/qr.svg?token=" + token.substring(1) + "A").asAdmin().send();
        assertEquals(404, wrong.status(), wrong::toString);
        Person lead = user("lead", "Lina Lead");
        assertEquals(403, api.get(path + "/qr.svg?token=" + token).as(lead.email(), lead.password()).send().status());
    }

    @Test
    void rootServesTheStaffAppUnderAStrictPolicy() {
        var page = api.get("").send();
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(page.body().contains("staff/app.mjs"), page.body());
        assertEquals("no-cache", page.header("Cache-Control"), "the page is checked again on every visit");
        var module = api.get("staff/app.mjs").send();
        assertEquals(200, module.status());
        assertTrue(module.contentType().startsWith("text/javascript"), module::toString);
    }
}
