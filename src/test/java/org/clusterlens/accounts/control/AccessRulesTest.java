package org.clusterlens.accounts.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRulesTest {
    @Test
    void browsersAreToldApartFromScripts() {
        assertTrue(AccessRules.isBrowser("cors", "*/*", null), "fetch metadata");
        assertTrue(AccessRules.isBrowser(null, "text/html,application/xhtml+xml", null), "a navigation");
        assertTrue(AccessRules.isBrowser(null, null, "fetch"), "the staff pages' own header");
        assertFalse(AccessRules.isBrowser(null, "*/*", null), "curl");
        assertFalse(AccessRules.isBrowser(null, "application/json", null), "a script");
        assertFalse(AccessRules.isBrowser(null, null, null));
    }
}
