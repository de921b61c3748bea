package org.clusterlens.container;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The finder of {@link ProblemHttpFront}'s only sub-protocol: every connection is HTTP, whatever
 * its first bytes, so that a malformed request line still reaches Grizzly's HTTP codec and gets
 * its error answer instead of a closed connection.
 */
public class EveryConnectionIsHttp implements ProtocolFinder {
    @Override
    public Result find(PUContext context, FilterChainContext ctx) {
        return Result.FOUND;
    }
}
