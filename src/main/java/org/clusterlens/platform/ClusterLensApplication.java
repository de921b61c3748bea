package org.clusterlens.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.clusterlens.accounts.entity.Role;

import java.util.Map;

@ApplicationPath("api")
@DeclareRoles({Role.ADMIN, Role.AGENT, Role.LEAD})
public class ClusterLensApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // otherwise Jersey answers 4xx/5xx with sendError and the container's error page replaces our problem body
        return Map.of("jersey.config.server.response.setStatusOverSendError", true,
                // Location stays the path RelativeLocation leaves, never an address built from the Host header
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
