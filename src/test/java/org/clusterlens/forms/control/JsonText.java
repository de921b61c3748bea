package org.clusterlens.forms.control;

/** JSON source text to tweak before parsing; a replacement that matches nothing fails the test. */
record JsonText(String text) {

    JsonText with(String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("'" + from + "' not in " + text);
        }
        return new JsonText(text.replace(from, to));
    }

    jakarta.json.JsonObject object() {
        return Documents.parse(text);
    }
}
