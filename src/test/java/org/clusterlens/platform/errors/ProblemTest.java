package org.clusterlens.platform.errors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemTest {
    @Test
    void aRespondentsTokenIsCutFromTheInstance() {
        assertEquals("/api/respond/\u2026/draft", Problem.withoutToken("/api/respond/s3cr3t-T0ken/draft"));
        assertEquals("/api/respond/open/\u2026/registration", Problem.withoutToken("/api/respond/open/s3cr3t/registration"));
        assertEquals("/ctx/respond/\u2026", Problem.withoutToken("/ctx/respond/s3cr3t"));
        assertEquals("/respond/open/\u2026/x.js", Problem.withoutToken("/respond/open/s3cr3t/x.js"));
        assertEquals("/api/respond/\u2026", Problem.withoutToken("/api/respond/openXYZ"));
        assertEquals("/api/respond/open", Problem.withoutToken("/api/respond/open"));
        assertEquals("/api/studies/7", Problem.withoutToken("/api/studies/7"));
        assertNull(Problem.withoutToken(null));
        assertEquals("/api/respond/\u2026/draft", Problem.of(400, "Bad Request", "x").withInstance("/api/respond/t/draft").instance());
    }
}
