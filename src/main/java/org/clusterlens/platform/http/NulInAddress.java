package org.clusterlens.platform.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.clusterlens.platform.errors.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * A NUL character (U+0000, {@code %00}) is refused in the query and the path as in bodies
 * ({@link JsonText}); the container itself already refuses most NULs in a path.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 150)
public class NulInAddress implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        Map<String, List<String>> query;
        try {
            if (uri.getPath(true).indexOf('\0') >= 0) {
                throw ProblemException.invalidField("path", "The address contains a NUL character (%00).");
            }
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("path", "The address is not correctly percent-encoded UTF-8.");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                String name = parameter.getKey().replace("\0", "%00");
                throw ProblemException.invalidField(name, "The query parameter " + name
                        + " contains a NUL character (%00), which ClusterLens does not store.");
            }
        }
    }
}
