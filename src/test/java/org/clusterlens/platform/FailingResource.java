package org.clusterlens.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** In the tests' shared deployment only: a bug, for RobustnessIT to see what callers get when one happens. */
@Path("test-failure")
@PermitAll
public class FailingResource {
    static final String SECRET = "connection string with secret s3cr3t";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
