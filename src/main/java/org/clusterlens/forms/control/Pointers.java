package org.clusterlens.forms.control;

/** Building RFC 6901 JSON pointers. */
final class Pointers {

    private Pointers() {
    }

    static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
