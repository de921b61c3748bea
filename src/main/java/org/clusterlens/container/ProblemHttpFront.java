package org.clusterlens.container;

import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The one place where Payara's configuration lets a class of ours see the HTTP listener's filter
 * chain: a port-unification protocol's {@code classname}. Payara builds the usual HTTP chain for
 * the one sub-protocol ({@link EveryConnectionIsHttp}) and registers it here, where
 * {@link BodilessErrorFilter} goes in just below Grizzly's HTTP codec and
 * {@link AddressCheckFilter} just before Grizzly's web server filter ({@link NoH2cUpgrade}
 * just above the codec keeps request bodies readable in a port-unification protocol). See deployment/README.md, "The container's own errors".
 */
public class ProblemHttpFront extends PUFilter {

    @Override
    public PUProtocol register(ProtocolFinder finder, FilterChain chain) {
        int codec = indexOf(chain, HttpServerFilter.class);
        int server = indexOf(chain, org.glassfish.grizzly.http.server.HttpServerFilter.class);
        if (codec >= 0 && server > codec) {
            // just before the web server filter, after whatever Payara put above the codec (HTTP/2's
            // filter expects to follow the codec directly: a request that asks for h2c hangs otherwise)
            chain.add(server, new AddressCheckFilter());
            chain.add(codec + 1, new NoH2cUpgrade());
            chain.add(codec, new BodilessErrorFilter());
        }
        return super.register(finder, chain);
    }

    private static int indexOf(FilterChain chain, Class<? extends Filter> type) {
        for (int i = 0; i < chain.size(); i++) {
            if (type.isInstance(chain.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
