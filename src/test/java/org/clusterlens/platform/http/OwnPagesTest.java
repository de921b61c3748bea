package org.clusterlens.platform.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnPagesTest {
    private static final Set<String> OWN = Set.of("https://clusterlens.example.org", "http://127.0.0.1:8080");

    @Test
    void scriptsSendNeitherHeaderAndPass() {
        assertTrue(OwnPages.refusal(null, null, OWN).isEmpty());
    }

    @Test
    void onlySameOriginFetchesMayChangeAnything() {
        assertTrue(OwnPages.refusal("same-origin", null, OWN).isEmpty());
        for (String site : new String[]{"cross-site", "same-site", "none"}) {
            assertTrue(OwnPages.refusal(site, null, OWN).orElseThrow().contains(site));
        }
    }

    @Test
    void theOriginMustBeOneOfOurOwn() {
        assertTrue(OwnPages.refusal(null, "https://ClusterLens.example.org:443", OWN).isEmpty());
        assertTrue(OwnPages.refusal(null, "http://127.0.0.1:8080", OWN).isEmpty());
        assertTrue(OwnPages.refusal(null, "https://evil.example", OWN).isPresent());
        assertTrue(OwnPages.refusal(null, "http://clusterlens.example.org", OWN).isPresent(), "the scheme counts");
        assertTrue(OwnPages.refusal(null, "http://127.0.0.1:8081", OWN).isPresent(), "the port counts");
        assertTrue(OwnPages.refusal(null, "null", OWN).isPresent(), "an opaque origin is nobody's page");
        assertTrue(OwnPages.refusal("same-origin", "https://evil.example", OWN).isPresent());
    }

    @Test
    void theHostHeaderCountsOnlyWhenItNamesThePortTheRequestCameIn() {
        assertEquals(Optional.of("http://127.0.0.1:8080"), OwnPages.requestOrigin("http", "127.0.0.1:8080", 8080));
        assertEquals(Optional.of("http://clusterlens.local"), OwnPages.requestOrigin("http", "ClusterLens.local:80", 80));
        assertEquals(Optional.empty(), OwnPages.requestOrigin("http", "evil.example", 8080), "forged, or a proxy in front");
        assertEquals(Optional.empty(), OwnPages.requestOrigin("http", "evil.example:8080/x@y", 8080));
        assertEquals(Optional.empty(), OwnPages.requestOrigin("http", null, 8080));
    }

    @Test
    void htmlFormTypesAreRecognisedWithTheirParameters() {
        assertTrue(OwnPages.isFormType("text/plain; charset=UTF-8"));
        assertTrue(OwnPages.isFormType("Application/X-WWW-Form-Urlencoded"));
        assertTrue(OwnPages.isFormType("multipart/form-data; boundary=----x"));
        assertFalse(OwnPages.isFormType("text/csv"));
        assertFalse(OwnPages.isFormType("application/json"));
        assertFalse(OwnPages.isFormType(null));
    }

    @Test
    void readingIsNeverAChange() {
        assertFalse(OwnPages.changesState("GET"));
        assertFalse(OwnPages.changesState("head"));
        assertTrue(OwnPages.changesState("POST"));
        assertTrue(OwnPages.changesState("DELETE"));
    }
}
