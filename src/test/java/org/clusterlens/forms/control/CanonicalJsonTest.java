package org.clusterlens.forms.control;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndDropsWhitespace() {
        JsonObject document = Documents.parse("""
                { "b" : [ 1, 2.50, true, null, {"z": 1, "a": {}} ],
                  "a" : "x" }""");
        assertEquals("{\"a\":\"x\",\"b\":[1,2.50,true,null,{\"a\":{},\"z\":1}]}", CanonicalJson.write(document));
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheHash() {
        JsonObject one = Documents.parse("{\"title\": {\"en\": \"T\", \"fr\": \"T\"}, \"id\": \"x\"}");
        JsonObject two = Documents.parse("""
                {
                  "id": "x",
                  "title": {
                    "fr": "T",
                    "en": "T"
                  }
                }""");
        assertEquals(CanonicalJson.sha256Hex(one), CanonicalJson.sha256Hex(two));
    }

    @Test
    void anyContentChangeChangesTheHash() {
        assertNotEquals(CanonicalJson.sha256Hex(Documents.parse("{\"a\": \"x\"}")),
                CanonicalJson.sha256Hex(Documents.parse("{\"a\": \"x \"}")));
        assertNotEquals(CanonicalJson.sha256Hex(Documents.parse("{\"a\": [1, 2]}")),
                CanonicalJson.sha256Hex(Documents.parse("{\"a\": [2, 1]}")));
    }

    @Test
    void hashIsSha256OfTheUtf8CanonicalText() {
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                CanonicalJson.sha256Hex(Documents.parse("{ }")));
        assertEquals("b3a092a6af48807fa9482b2ee140105575daa26d5b24b3c0e60a7e2dee6683b1",
                CanonicalJson.sha256Hex(Documents.parse("{\"a\": \"\\u00e9\"}")));
    }

    @Test
    void keepsNonAsciiAndEscapesOnlyWhatJsonRequires() {
        JsonObject document = Documents.parse("{\"t\": \"مرحبا 🏭 \\\"q\\\" \\\\ \\n\\t\\u0001 /\"}");
        assertEquals("{\"t\":\"مرحبا 🏭 \\\"q\\\" \\\\ \\n\\t\\u0001 /\"}", CanonicalJson.write(document));
    }

    @Test
    void ordersKeysByCodePointEvenBeyondTheBasicPlane() {
        JsonObject document = Documents.parse("{\"\uFF21\": 1, \"\uD83C\uDFED\": 2, \"a\": 3}");
        assertEquals("{\"a\":3,\"\uFF21\":1,\"\uD83C\uDFED\":2}", CanonicalJson.write(document));
    }
}
