package org.clusterlens.accounts.control;

import java.util.List;
import java.util.Set;

/**
 * The address a request comes from, for throttling and the audit log. {@code X-Forwarded-For} is
 * written by whoever sends the request, so it counts only when the connection comes from a proxy
 * the operator named; then the address is the last one in the header that is not such a proxy.
 */
final class ClientAddress {
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        String address = remoteAddress == null ? "unknown" : remoteAddress;
        if (forwardedFor == null || !trustedProxies.contains(address)) {
            return bounded(address);
        }
        List<String> hops = List.of(forwardedFor.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!trustedProxies.contains(hop)) {
                return bounded(hop);
            }
            address = hop;
        }
        return bounded(address);
    }

    private static String bounded(String address) {
        return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
