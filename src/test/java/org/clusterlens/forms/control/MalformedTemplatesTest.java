package org.clusterlens.forms.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Whatever shape a document has, validation and diffing report it rather than throw. */
class MalformedTemplatesTest {

    private static final List<JsonValue> ODD_VALUES = List.of(JsonValue.NULL, Json.createValue(-1),
            Json.createValue("x"), JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT, JsonValue.TRUE);

    private static void pointers(JsonValue value, String pointer, List<String> into) {
        into.add(pointer);
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> pointers(child, Pointers.child(pointer, key), into));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                pointers(array.get(i), Pointers.child(pointer, i), into);
            }
        }
    }

    @Test
    void replacingAnyValueWithAnyJsonTypeNeverThrows() {
        JsonObject valid = Documents.fixture("firm-diagnostic.json");
        List<String> pointers = new ArrayList<>();
        pointers(valid, "", pointers);
        TemplateValidator validator = new TemplateValidator();
        for (String pointer : pointers.subList(1, pointers.size())) {
            for (JsonValue odd : ODD_VALUES) {
                JsonStructure broken = Json.createPointer(pointer).replace(valid, odd);
                assertDoesNotThrow(() -> validator.validate(broken.asJsonObject()), pointer + " = " + odd);
                assertDoesNotThrow(() -> TemplateDiff.between(valid, broken.asJsonObject()), pointer + " = " + odd);
            }
        }
    }

    @Test
    void removingAnyRequiredPartIsReported() {
        JsonObject valid = Documents.fixture("firm-diagnostic.json");
        for (String key : List.of("id", "title", "languages", "defaultLanguage", "sections")) {
            JsonObject broken = Json.createObjectBuilder(valid).remove(key).build();
            assertFalse(new TemplateValidator().validate(broken).isEmpty(), key);
        }
    }
}
