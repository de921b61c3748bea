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
import org.clusterlens.bench.JdbcSubmission;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The container's floor for the submission benchmark: the same address and the same request as a
 * ClusterLens submission, answered with a fixed 201 receipt without parsing, validating or storing
 * anything. What Payara Micro itself (Grizzly, servlet, JAX-RS, CDI) costs per request on this
 * machine, which no application running on it can go below.
 *
 * <p>Started with {@code -Dfloor.jdbc.url=…} it also writes the benchmark's plain-JDBC rows for each
 * request ({@link JdbcSubmission}, the path segment being the token's hash), on a connection of its
 * own per worker thread, as the baseline's client threads do: the plain-JDBC baseline behind HTTP.
 * The token {@code probe} only asks whether the WAR is deployed.
 */
@ApplicationScoped
@Path("respond")
public class FloorSubmissions {

    @ApplicationPath("api")
    public static class Api extends Application {
    }

    private static final JdbcSubmission.Shared SHARED = System.getProperty("floor.jdbc.url") == null ? null
            : new JdbcSubmission.Shared(Long.getLong("floor.jdbc.study"), Long.getLong("floor.jdbc.wave"),
            Long.getLong("floor.jdbc.templateVersion"), System.getProperty("floor.jdbc.answers"),
            System.getProperty("floor.jdbc.language"), new JdbcSubmission.Sequence("response_seq", 50, true),
            new JdbcSubmission.Sequence("outbox_seq", 50, true));

    private static final ThreadLocal<JdbcSubmission> CONNECTION = ThreadLocal.withInitial(() -> {
        try {
            // DriverManager looked for drivers before this WAR's WEB-INF/lib was there: register it
            Class.forName("org.postgresql.Driver");
            return new JdbcSubmission(DriverManager.getConnection(System.getProperty("floor.jdbc.url"),
                    System.getProperty("floor.jdbc.user"), System.getProperty("floor.jdbc.password", "")), SHARED);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    });

    @POST
    @Path("{token}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("token") String token, String body) throws SQLException {
        if (SHARED != null && !token.equals("probe") && !CONNECTION.get().submit(token)) {
            return Response.status(404).build();
        }
        return Response.status(201)
                .entity("{\"submissionId\":\"" + body.length() + "\",\"submittedAt\":\"2026-01-01T00:00:00Z\"}").build();
    }
}
