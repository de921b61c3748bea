package org.clusterlens.container;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;

/**
 * Inside a port-unification protocol, Grizzly's codec treats a request that asks to upgrade to
 * h2c (Java's HttpClient asks on every plain request) as an upgrade even though HTTP/2 is off on
 * this listener, and a servlet reading its body then waits for bytes that never come. Just above
 * the codec, this filter hears the codec's upgrade event, fired before the codec decides how the
 * body is framed, and forgets an h2c upgrade: the request is served as the HTTP/1.1 request it
 * also is, as the upgrade rules allow. Other upgrades (WebSocket) are left as they are.
 */
public class NoH2cUpgrade extends BaseFilter {
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
        if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
            if ("h2c".equalsIgnoreCase(header.getUpgrade())) {
                header.getUpgradeDC().recycle();
                header.setIgnoreContentModifiers(false);
            }
        }
        return ctx.getInvokeAction();
    }
}
