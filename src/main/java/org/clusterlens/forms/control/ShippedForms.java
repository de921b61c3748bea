package org.clusterlens.forms.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes the questionnaire library in forms/ at start-up. Idempotent: a template whose content
 * is already stored (by content hash) makes no new version, so restarts change nothing.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class ShippedForms {
    private static final Logger LOG = Logger.getLogger(ShippedForms.class.getName());
    /** Kept in step with forms/ by ShippedFormsListTest. */
    static final List<String> FILES = List.of(
            "firm-diagnostic.json", "institution-diagnostic.json", "cluster-selection.json", "trust-pulse.json");
    static final String FOLDER = "clusterlens-forms/";

    @Inject
    Templates templates;

    @Inject
    @ConfigProperty(name = Settings.LOAD_FORMS, defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        for (String file : FILES) {
            templates.publishShipped(read(file), "system").ifPresent(v ->
                    LOG.info(() -> "Published " + v.templateId() + " version " + v.versionNumber() + " from forms/" + file));
        }
    }

    private static JsonObject read(String file) {
        try (InputStream in = ShippedForms.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("forms/" + file + " is missing from the build");
            }
            try (JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
