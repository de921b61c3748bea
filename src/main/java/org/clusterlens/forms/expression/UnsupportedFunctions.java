package org.clusterlens.forms.expression;

import java.util.Map;

/**
 * ODK functions that XLSForms use and ClusterLens cannot honour, with the reason: a template that
 * calls one is refused with the reason rather than evaluated with a different meaning.
 */
final class UnsupportedFunctions {

    private static final String NEEDS_DEVICE = "needs ODK Collect's device or form files";
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("pulldata", "reads a CSV attached to the form, " + NEEDS_DEVICE),
            Map.entry("instance", "reads a secondary instance, which templates do not have"),
            Map.entry("random", "gives a different value on the server than in the browser"),
            Map.entry("randomize", "gives a different order on the server than in the browser"),
            Map.entry("digest", "is not available in browsers without a secure context"),
            Map.entry("base64-decode", "is not supported yet"),
            Map.entry("checklist", "is not supported yet"),
            Map.entry("weighted-checklist", "is not supported yet"),
            Map.entry("geofence", "is not supported yet"),
            Map.entry("version", "has no meaning for a ClusterLens template"),
            Map.entry("property", NEEDS_DEVICE),
            Map.entry("jr:itext", NEEDS_DEVICE),
            Map.entry("substring", "is XPath's 1-based substring, not supported; use substr (0-based)"),
            Map.entry("last", "needs node-set steps, which templates do not have"),
            Map.entry("current", "needs node-set steps, which templates do not have"));

    private UnsupportedFunctions() {
    }

    static String why(String name) {
        String reason = REASONS.get(name);
        return reason == null ? "unknown function '" + name + "'"
                : "function '" + name + "' is not supported: it " + reason;
    }
}
