package floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The container's floor for the submission benchmark: the same address and the same request as a
 * ClusterLens submission, answered with a fixed 201 receipt without parsing, validating or storing
 * anything. What Payara Micro itself (Grizzly, servlet, JAX-RS, CDI) costs per request on this
 * machine, which no application running on it can go below.
 */
@ApplicationScoped
@Path("respond")
public class FloorSubmissions {

    @ApplicationPath("api")
    public static class Api extends Application {
    }

    @POST
    @Path("{token}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("token") String token, String body) {
        return Response.status(201)
                .entity("{\"submissionId\":\"" + body.length() + "\",\"submittedAt\":\"2026-01-01T00:00:00Z\"}").build();
    }
}
