package org.clusterlens.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.clusterlens.accounts.entity.Role;

@ApplicationPath("api")
@DeclareRoles({Role.ADMIN, Role.AGENT, Role.LEAD})
public class ClusterLensApplication extends Application {
}
