package org.clusterlens.platform.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.clusterlens.platform.Settings;
import org.clusterlens.platform.errors.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashSet;
import java.util.Set;

/**
 * Every change to the API, whatever the credentials (a cached Basic password, a cookie, a token),
 * must come from ClusterLens' own pages when a browser sends it; see {@link OwnPages}. Checked
 * before anything else, so that a refused request has no effect at all.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CrossSiteRequests implements ContainerRequestFilter {
    @Inject
    @ConfigProperty(name = Settings.PUBLIC_URL, defaultValue = Settings.PUBLIC_URL_DEFAULT)
    String publicUrl;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!OwnPages.changesState(request.getMethod())) {
            return;
        }
        Set<String> own = new HashSet<>();
        OwnPages.origin(publicUrl).ifPresent(own::add);
        OwnPages.requestOrigin(servletRequest.getScheme(), request.getHeaderString(HttpHeaders.HOST),
                servletRequest.getLocalPort()).ifPresent(own::add);
        var refusal = OwnPages.refusal(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"), own);
        if (refusal.isPresent()) {
            request.abortWith(Problem.of(403, "Forbidden", refusal.get()).toResponse());
        } else if (OwnPages.isFormType(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            request.abortWith(Problem.of(415, "Unsupported Media Type", "Send the request body as application/json"
                    + " (a register file as text/csv): ClusterLens takes no form posts, which any site could make.")
                    .toResponse());
        }
    }
}
