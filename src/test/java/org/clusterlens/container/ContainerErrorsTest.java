package org.clusterlens.container;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerErrorsTest {

    @Test
    void ordinaryPathsPass() {
        for (String path : new String[]{"/", "/api/templates", "/api/templates/%2e%2e/x", "/no-such-page%20here",
                "/api/templates/%F0%9F%8D%9E", "/api/actors/caf\u00c3\u00a9", "/a%2Fb", "/%7e"}) {
            assertNull(AddressRules.problem(path), path);
        }
    }

    @Test
    void whatPayaraMishandlesIsNamed() {
        assertEquals(AddressRules.NUL, AddressRules.problem("/api/%00"));
        assertEquals(AddressRules.NUL, AddressRules.problem("/api/a\0b"));
        assertEquals(AddressRules.NOT_UTF8, AddressRules.problem("/api/%C3%28"));
        assertEquals(AddressRules.NOT_UTF8, AddressRules.problem("/api/%FF"));
        assertEquals(AddressRules.NOT_UTF8, AddressRules.problem("/api/%ED%A0%80"), "a surrogate");
        assertEquals(AddressRules.NOT_UTF8, AddressRules.problem("/api/\u00ff"), "a raw byte that is not UTF-8");
        assertEquals(AddressRules.BAD_ESCAPE, AddressRules.problem("/api/%zz"));
        assertEquals(AddressRules.BAD_ESCAPE, AddressRules.problem("/api/%4"));
        assertEquals(AddressRules.BAD_ESCAPE, AddressRules.problem("/api/%"));
    }

    @Test
    void aBodilessErrorGetsAProblemBody() {
        String head = "HTTP/1.1 505 HTTP Version Not Supported\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        String rewritten = new String(BodilessErrorFilter.withProblemBody(head), StandardCharsets.ISO_8859_1);
        String body = rewritten.substring(rewritten.indexOf("\r\n\r\n") + 4);
        assertTrue(rewritten.startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\nConnection: close\r\n"), rewritten);
        assertTrue(rewritten.contains("\r\nContent-Type: application/problem+json\r\nContent-Length: " + body.length() + "\r\n\r\n"), rewritten);
        assertTrue(body.startsWith("{\"type\":\"about:blank\",\"title\":\"HTTP Version Not Supported\",\"status\":505,"), body);

        String invalidUri = new String(BodilessErrorFilter.withProblemBody("HTTP/1.1 400 Invalid URI\r\nContent-Length: 0\r\n\r\n"),
                StandardCharsets.ISO_8859_1);
        assertTrue(invalidUri.contains("\"title\":\"Bad Request\"") && invalidUri.contains("The address is not valid."), invalidUri);
    }

    @Test
    void responsesThatAreNotBodilessErrorsAreLeftAlone() {
        assertNull(BodilessErrorFilter.withProblemBody("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"));
        assertNull(BodilessErrorFilter.withProblemBody("HTTP/1.1 404 Not Found\r\nContent-Length: 131\r\n\r\n"));
        assertNull(BodilessErrorFilter.withProblemBody("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"));
        assertNull(BodilessErrorFilter.withProblemBody("HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\n"));
        assertNull(BodilessErrorFilter.withProblemBody("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nx"));
    }
}
