package org.clusterlens.accounts.control;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    @Test
    void forwardedForIsIgnoredUnlessTheConnectionComesFromATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "10.9.9.9", Set.of()));
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "10.9.9.9", Set.of("10.0.0.1")));
    }

    @Test
    void behindTrustedProxiesTheLastAddressTheyDidNotWriteCounts() {
        Set<String> proxies = Set.of("10.0.0.1", "10.0.0.2");
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "198.51.100.7", proxies));
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", proxies),
                "the first entry is whatever the client claimed");
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.1", "10.0.0.2", proxies));
        assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", null, proxies));
    }
}
