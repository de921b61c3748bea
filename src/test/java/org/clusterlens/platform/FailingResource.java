package org.clusterlens.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Added to the deployment by RobustnessIT only: a bug, to see what callers get when one happens. */
@Path("test-failure")
@PermitAll
public class FailingResource {
    static final String SECRET = "connection string with secret s3cr3t";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
