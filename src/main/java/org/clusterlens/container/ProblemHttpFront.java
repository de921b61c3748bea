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
 * {@link AddressCheckFilter} just above it. See deployment/README.md, "The container's own errors".
 */
public class ProblemHttpFront extends PUFilter {

    @Override
    public PUProtocol register(ProtocolFinder finder, FilterChain chain) {
        int codec = -1;
        for (int i = 0; i < chain.size(); i++) {
            Filter filter = chain.get(i);
            if (filter instanceof HttpServerFilter) {
                codec = i;
                break;
            }
        }
        if (codec >= 0) {
            chain.add(codec + 1, new AddressCheckFilter());
            chain.add(codec, new BodilessErrorFilter());
        }
        return super.register(finder, chain);
    }
}
