package org.clusterlens.platform.health;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitoringAccessTest {
    @Test
    void adminsAreTrustedFromAnywhere() {
        assertTrue(MonitoringAccess.isTrusted("203.0.113.9", true, true, false));
    }

    @Test
    void thisMachineIsTrustedWhenItTalksDirectly() {
        assertTrue(MonitoringAccess.isTrusted("127.0.0.1", false, false, true));
        assertTrue(MonitoringAccess.isTrusted("0:0:0:0:0:0:0:1", false, false, true));
        assertTrue(MonitoringAccess.isTrusted("::1", false, false, true));
    }

    @Test
    void othersAndRequestsThroughAProxyAreNot() {
        assertFalse(MonitoringAccess.isTrusted("203.0.113.9", false, false, true));
        assertFalse(MonitoringAccess.isTrusted("127.0.0.1", true, false, true), "a proxy on this machine forwarded it");
        assertFalse(MonitoringAccess.isTrusted("127.0.0.1", false, false, false), "loopback trust switched off");
        assertFalse(MonitoringAccess.isTrusted("localhost", false, false, true), "names are never looked up");
        assertFalse(MonitoringAccess.isTrusted(null, false, false, true));
    }

    @Test
    void healthKeepsEachStatusButDropsTheData() {
        String health = """
                {"status":"UP","checks":[{"name":"data-directory","status":"UP","data":{"path":"/srv/data"}},\
                {"name":"database","status":"DOWN","data":{"product":"H2"}}]}""";
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"data-directory\",\"status\":\"UP\"},"
                + "{\"name\":\"database\",\"status\":\"DOWN\"}]}", MonitoringAccess.withoutData(health));
        assertEquals("{\"status\":\"DOWN\"}", MonitoringAccess.withoutData("not json \"DOWN\""));
    }
}
