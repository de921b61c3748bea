package org.clusterlens.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * {@code Location} headers are sent as paths ({@code /api/studies/7}), which RFC 9110 allows: an
 * absolute one is built from the request's {@code Host} header, which the client chose, so a forged
 * Host would send the next request, with its credentials, to a server of the forger's choice.
 * {@code ClusterLensApplication} stops Jersey from making them absolute again.
 */
@Provider
public class RelativeLocation implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = location instanceof URI u ? u : URI.create(location.toString());
        if (uri.isAbsolute() || uri.getRawAuthority() != null) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    URI.create(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
    }
}
