package org.clusterlens.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Answers to submit in bulk. */
public final class Interviews {
    private Interviews() {
    }

    /** The realistic firm interview, without links to actors that a test study's register does not have. */
    public static JsonObject firmDiagnostic() {
        try (InputStream in = Interviews.class.getResourceAsStream("/submissions/firm-diagnostic-answers.json");
             var reader = Json.createReader(in)) {
            return Json.createObjectBuilder(reader.readObject()).remove("firm_linkages").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
