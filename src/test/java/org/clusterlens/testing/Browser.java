package org.clusterlens.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A headless Chromium the size of a small phone, driven through the Debian chromium and
 * chromium-driver packages: nothing is downloaded. Each instance has a fresh profile (a fresh
 * device: no local storage, no cookies), deleted on {@link #close()}.
 *
 * <p>The form helpers find a question by its {@code data-path} wrapper (the question name at the
 * top level, {@code repeat/0/question} inside a repeat) and answer it the way its type is
 * answered by hand. Every wait is on a condition of the page, never a fixed time.
 */
public final class Browser implements AutoCloseable {
    public static final int PHONE_WIDTH = 360;
    /** The narrowest screen WCAG 1.4.10 (Reflow) asks a page to fit without sideways scrolling. */
    public static final int REFLOW_WIDTH = 320;
    public static final int DESKTOP_WIDTH = 1280;
    private static final int PHONE_HEIGHT = 740;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    /** Skips the test when the browser is not installed, unless {@code clusterlens.browser.required=true} (CI). */
    public static void assumeInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String reason = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)";
        if (Boolean.getBoolean("clusterlens.browser.required")) {
            fail(reason + "; clusterlens.browser.required=true");
        }
        Assumptions.assumeTrue(false, reason);
    }

    public static Browser phone() {
        assumeInstalled();
        return new Browser();
    }

    private Browser() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        try {
            Path profiles = Path.of(System.getProperty("java.io.tmpdir", "target"), "browser-profiles");
            Files.createDirectories(profiles);
            profile = Files.createTempDirectory(profiles, "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT,
                "--user-data-dir=" + profile);
        // Headless Chromium keeps a window at least 500 px wide whatever --window-size says: the
        // phone's viewport comes from device emulation (a 360 x 740 CSS-pixel screen, no touch events,
        // so that clicks stay clicks).
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 2.0, "mobile", true, "touch", false)));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // what the server answered for each file, read only when a wait fails
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // An explicit driver executable: Selenium Manager is never asked to find or fetch one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
        // The form redraws a whole page when its shape changes (a section appears, an entry is
        // added): a condition that found an element just before a redraw is simply asked again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(URI address) {
        driver.get(address.toString());
    }

    /** Opens the respondent form and waits until it shows a page of questions. */
    public void openForm(URI address) {
        open(address);
        await("the form shows a page of questions", d -> !d.findElements(By.cssSelector("section.page[data-section]")).isEmpty());
    }

    /** Reloads the page as the person would, and waits for the form again. */
    public void reload() {
        driver.navigate().refresh();
        await("the form after the reload", d -> !d.findElements(By.cssSelector("section.page[data-section]")).isEmpty());
    }

    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return wait.withMessage(what).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the page at "
                    + driver.getCurrentUrl() + " shows:\n" + driver.findElement(By.tagName("body")).getText()
                    + "\nbrowser console:\n" + String.join("\n", console())
                    + "\nresponses (status, type, from cache, address):\n" + String.join("\n", responses()), e);
        }
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    // ------------------------------------------------------------------------------------------
    // the form

    public String section() {
        return find("section.page").getAttribute("data-section");
    }

    public WebElement question(String path) {
        return find("[data-path=\"" + path + "\"]");
    }

    public boolean isShown(String path) {
        List<WebElement> found = findAll("[data-path=\"" + path + "\"]");
        return !found.isEmpty() && found.getFirst().isDisplayed();
    }

    /** The error shown next to a question ("" when none). */
    public String errorOf(String path) {
        return question(path).findElement(By.cssSelector(".error")).getText();
    }

    public String labelOf(String path) {
        return question(path).findElement(By.cssSelector(".label")).getText();
    }

    /** Answers one question as a person would: typing, ticking, picking. */
    public void answer(String path, Object... values) {
        WebElement wrapper = question(path);
        String type = wrapper.getAttribute("class").replaceAll(".*\\bquestion-([a-z_]+).*", "$1");
        switch (type) {
            case "text", "long_text", "integer", "decimal" -> type(path, String.valueOf(values[0]));
            case "date" -> {
                // a date input types in the browser's locale order; the value itself is locale-free
                WebElement input = wrapper.findElement(By.cssSelector("input"));
                script("arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, values[0]);
            }
            case "select" -> new Select(wrapper.findElement(By.cssSelector("select"))).selectByValue(String.valueOf(values[0]));
            case "yes_no", "select_one", "likert", "select_multiple" -> {
                for (Object value : values) {
                    tick(path, String.valueOf(value));
                }
            }
            case "rank" -> {
                for (Object value : values) {
                    find("[data-path=\"" + path + "\"] .rank-pool li[data-value=\"" + value + "\"] button").click();
                }
            }
            default -> throw new IllegalArgumentException("no helper for " + type + " (" + path + ")");
        }
    }

    /** Replaces a text field's content, then leaves the field (which commits it, as a person tabbing on). */
    public void type(String path, String text) {
        WebElement input = question(path).findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Clicks the label of a radio or checkbox (the large target a thumb hits). */
    public void tick(String path, String value) {
        WebElement input = find("[data-path=\"" + path + "\"] input[value=\"" + value + "\"]");
        find("label[for=\"" + input.getAttribute("id") + "\"]").click();
    }

    /** Clicks Next and waits for the following page. */
    public void next() {
        String before = section();
        clickNext();
        await("the page after " + before, d -> !before.equals(section()));
    }

    public void clickNext() {
        find("[data-action=next]").click();
    }

    /** Waits until every change has reached the server. */
    public void awaitSaved() {
        await("the answers are saved on the server", ExpectedConditions.attributeToBe(By.id("save-status"), "data-status", "saved"));
    }

    public String saveStatus() {
        return find("#save-status").getAttribute("data-status");
    }

    /** Submits (the last page) and waits for the receipt. */
    public WebElement submitAndAwaitReceipt() {
        find("[data-action=submit]").click();
        return awaitReceipt();
    }

    public WebElement awaitReceipt() {
        return await("the receipt", ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
    }

    public void switchLanguage(String language) {
        new Select(find("[data-action=language]")).selectByValue(language);
        await("the page in " + language, d -> language.equals(find("html").getAttribute("lang")));
    }

    // ------------------------------------------------------------------------------------------
    // what every page must be on a phone

    /** Page width beyond the screen: 0 when nothing needs a horizontal scroll. */
    public long horizontalOverflow() {
        return (Long) script("return Math.max(0, document.scrollingElement.scrollWidth - " + PHONE_WIDTH + ");");
    }

    /**
     * Lays the page out for a screen this many CSS pixels wide (a phone below 1000 px, a desktop
     * above) until the next call; {@link #PHONE_WIDTH} is where every browser starts.
     */
    public void emulateWidth(int width) {
        boolean phone = width < 1000;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", phone ? PHONE_HEIGHT : 800, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
        // a click aimed before the page is laid out at its new width lands beside its button
        driver.executeAsyncScript("const callback = arguments[arguments.length - 1]; let called = false;"
                + "const done = () => { if (!called) { called = true; callback(); } };"
                + "requestAnimationFrame(() => requestAnimationFrame(done)); setTimeout(done, 500);");
    }

    /** Runs the checks with the page laid out at each width in turn, then goes back to the phone. */
    public void atWidths(List<Integer> widths, IntConsumer checks) {
        try {
            for (int width : widths) {
                emulateWidth(width);
                checks.accept(width);
            }
        } finally {
            emulateWidth(PHONE_WIDTH);
        }
    }

    /**
     * Fails unless the page, on a 320-px screen with its text at 200 % (the person's larger
     * default font: the root font size every rem follows), still fits: no sideways scrolling, no
     * element reaching past the screen's edges or cut by its box, no word broken mid-word.
     */
    public void assertReflows(String state) {
        List<String> problems;
        try {
            emulateWidth(REFLOW_WIDTH);
            // through the CSSOM, which the page's style-src policy leaves alone (a <style> would be refused)
            script("document.documentElement.style.setProperty('font-size', '200%', 'important');");
            problems = reflowProblems();
        } finally {
            script("document.documentElement.style.removeProperty('font-size');");
            emulateWidth(PHONE_WIDTH);
        }
        if (!problems.isEmpty()) {
            fail(state + ": at " + REFLOW_WIDTH + " px with 200 % text the page does not reflow:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> reflowProblems() {
        return (List<String>) script("""
                const problems = [];
                // the emulated screen's width: a mobile viewport widens innerWidth to fit what overflows
                const width = arguments[0];
                const root = document.documentElement;
                if (root.scrollWidth > width) {
                  problems.push(`the page is ${root.scrollWidth} px wide for a ${width}-px screen (scrollWidth; innerWidth ${innerWidth})`);
                }
                const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + [...e.classList].map((c) => '.' + c).join('') + ' "' + (e.textContent || e.value || '').trim().slice(0, 40) + '"';
                // the visually-hidden pattern: a 1-px clipped box that assistive technology still reads
                const hidden = (e) => e.closest('.visually-hidden, [hidden]') !== null;
                const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !hidden(e);
                const elements = [...document.body.querySelectorAll('*')].filter(visible);
                for (const e of elements) {
                  const box = e.getBoundingClientRect();
                  if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
                    problems.push(`${name(e)} spans ${Math.round(box.left)}..${Math.round(box.right)} px, past the screen's edge`);
                  }
                  const style = getComputedStyle(e);
                  const field = e.matches('input, select, textarea, option');
                  if (!field && style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) {
                    problems.push(`${name(e)} cuts its content: ${e.scrollWidth} px in ${e.clientWidth} px (overflow-x ${style.overflowX})`);
                  }
                }
                // A word (a hyphen ends one) split over two lines is broken mid-word when it would
                // have fitted its box, or when its box was squeezed to a few letters (a flex item
                // left one letter a line); a word longer than a fair box may break where it must.
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                const boxOf = (e) => {
                  let box = e;
                  while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
                  const style = getComputedStyle(box);
                  return {width: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), em: parseFloat(style.fontSize)};
                };
                for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                  const parent = text.parentElement;
                  if (!parent || !visible(parent) || parent.closest('select, script, style, noscript')) continue;
                  for (const match of text.data.matchAll(/[^\\s-]{2,}/g)) {
                    range.setStart(text, match.index);
                    range.setEnd(text, match.index + match[0].length);
                    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
                    const lines = new Set(rects.map((r) => Math.round(r.top))).size;
                    if (lines < 2) continue;
                    const wide = rects.reduce((sum, r) => sum + r.width, 0);
                    const box = boxOf(parent);
                    if (wide <= box.width + 1) {
                      problems.push(`"${match[0]}" in ${name(parent)} is split over ${lines} lines though it fits its ${Math.round(box.width)}-px box`);
                    } else if (box.width < 3 * box.em) {
                      problems.push(`"${match[0]}" in ${name(parent)} is split over ${lines} lines: its box is squeezed to ${Math.round(box.width)} px`);
                    }
                  }
                }
                return [...new Set(problems)].slice(0, 40);
                """, REFLOW_WIDTH);
    }

    /** Visible form controls without an accessible name from a label, aria-label(ledby) or a legend. */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControls() {
        return (List<String>) script("""
                const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                const named = (e) => {
                  if (e.getAttribute('aria-label')?.trim()) return true;
                  const by = e.getAttribute('aria-labelledby');
                  if (by && by.split(/\\s+/).some((id) => document.getElementById(id)?.textContent.trim())) return true;
                  if (e.id && [...document.querySelectorAll('label')].some((l) => l.htmlFor === e.id && l.textContent.trim())) return true;
                  if (e.closest('label')?.textContent.trim()) return true;
                  if (e.type === 'radio' || e.type === 'checkbox') {
                    return Boolean(e.closest('fieldset')?.querySelector(':scope > legend')?.textContent.trim());
                  }
                  return false;
                };
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter((e) => e.type !== 'hidden' && visible(e) && !named(e))
                  .map((e) => e.outerHTML);
                """);
    }

    /** Messages the browser logged about the Content-Security-Policy blocking something. */
    public List<String> contentSecurityViolations() {
        return console().stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    /**
     * Every response the page received, as Chromium saw it: a module that fails to load says only
     * what type it got, not from where or with which status.
     */
    private List<String> responses() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(entry -> {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(entry.getMessage()))) {
                var message = reader.readObject().getJsonObject("message");
                if (!"Network.responseReceived".equals(message.getString("method", ""))) {
                    return null;
                }
                var response = message.getJsonObject("params").getJsonObject("response");
                return response.getInt("status", 0) + " " + response.getString("mimeType", "?") + " "
                        + (response.getBoolean("fromDiskCache", false) ? "disk-cache" : "network") + " "
                        + response.getString("url", "?");
            } catch (RuntimeException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** The browser console since the last call (reading it empties it). */
    private List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in target/ is harmless; the next clean removes it
        }
    }
}
