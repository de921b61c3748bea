package org.clusterlens.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core, from its WebJar on the test classpath (never from the WAR), run on the page a test
 * has reached. The script is handed to the browser through WebDriver, which the page's
 * Content-Security-Policy does not govern: the policy stays exactly as users get it.
 */
public final class Axe {
    /** The WCAG 2.1 success criteria of levels A and AA, as axe tags them. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /**
     * Rules axe still calls experimental and so leaves out of a tag run, asked for by name: the
     * audit that found a visible label missing from a roster button's name used this one.
     */
    private static final List<String> EXPERIMENTAL_WCAG_RULES = List.of("label-content-name-mismatch");
    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String SOURCE = load();

    private Axe() {
    }

    /** One rule broken, with every element that breaks it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " <" + helpUrl + ">"
                    + nodes.stream().map(n -> "\n    " + n).collect(Collectors.joining());
        }
    }

    public record Node(String target, String html, String failure) {
        @Override
        public String toString() {
            return target + "  " + html + (failure.isBlank() ? "" : "\n      " + failure.replace("\n", "\n      "));
        }
    }

    /** Fails with every WCAG 2.1 A/AA violation on the page as it is now, named by rule, impact and element. */
    public static void assertNoViolations(WebDriver driver, String state) {
        List<Violation> found = violations(driver);
        if (!found.isEmpty()) {
            fail(state + ": axe-core found " + found.size() + " WCAG 2.1 A/AA violation(s) at "
                    + driver.manage().window().getSize() + " (window), page width "
                    + ((JavascriptExecutor) driver).executeScript("return innerWidth") + " px:\n  "
                    + found.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The WCAG 2.1 A/AA violations on the page as it is now. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const rules = Object.fromEntries(arguments[1].map((id) => [id, {enabled: true}]));
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules, resultTypes: ['violations']})
                  .then((r) => done(JSON.stringify(r.passes.length + r.violations.length === 0
                      ? {error: 'no rule applied to the page'} : r.violations)),
                    (e) => done(JSON.stringify({error: String(e)})));
                """, WCAG_21_AA, EXPERIMENTAL_WCAG_RULES);
        try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(result)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                throw new AssertionError("axe-core did not run: " + value.asJsonObject().getString("error", value.toString()));
            }
            return value.asJsonArray().getValuesAs(JsonObject.class).stream().map(Axe::violation).toList();
        }
    }

    private static Violation violation(JsonObject v) {
        List<Node> nodes = v.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> new Node(selectors(n.getJsonArray("target")), n.getString("html", ""),
                        n.getString("failureSummary", "")))
                .toList();
        return new Violation(v.getString("id"), v.isNull("impact") ? "?" : v.getString("impact"),
                v.getString("help", ""), v.getString("helpUrl", ""), nodes);
    }

    /** A target is a selector, or a path of selectors through shadow roots and frames. */
    private static String selectors(JsonArray target) {
        return target.stream()
                .map(t -> t.getValueType() == JsonValue.ValueType.ARRAY ? selectors(t.asJsonArray()) : ((jakarta.json.JsonString) t).getString())
                .collect(Collectors.joining(" >> "));
    }

    private static String load() {
        ClassLoader loader = Axe.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath (org.webjars.npm:axe-core)");
            }
            pom.load(in);
            try (InputStream script = loader.getResourceAsStream(WEBJAR + pom.getProperty("version") + "/axe.min.js")) {
                if (script == null) {
                    throw new IllegalStateException("no axe.min.js in the axe-core WebJar " + pom.getProperty("version"));
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
