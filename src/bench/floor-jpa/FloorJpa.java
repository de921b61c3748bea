package floorjpa;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.StringReader;
import java.time.Instant;

/**
 * The mandated stack with no application in it, for the submission benchmark: JAX-RS reads the
 * body, JSON-P parses it, a CDI bean's {@code @Transactional} method locks the invitation, persists
 * the response and the outbox row and updates the invitation through JPA (EclipseLink, JTA data
 * source), and JSON-B writes the receipt. The same rows as the plain-JDBC baseline; no validation,
 * no security, no lookups beyond the locked invitation. What HTTP → JPA alone costs on this
 * container and machine, before any ClusterLens code runs.
 *
 * <p>Started with {@code -Dfloor.jdbc.url=…} and the ids of the benchmark's study, wave and template
 * version; the path segment is the token's hash. The token {@code probe} only asks whether the WAR is
 * deployed.
 */
@ApplicationScoped
@Path("respond")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FloorJpa {

    @ApplicationPath("api")
    @DataSourceDefinition(name = "java:app/jdbc/floor", className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=floor.jdbc.url}", user = "${MPCONFIG=floor.jdbc.user}",
            password = "${MPCONFIG=floor.jdbc.password:}", minPoolSize = 2, maxPoolSize = 48, initialPoolSize = 2)
    @DataSourceDefinition(name = "java:app/jdbc/floor-local", className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=floor.jdbc.url}", user = "${MPCONFIG=floor.jdbc.user}",
            password = "${MPCONFIG=floor.jdbc.password:}", minPoolSize = 2, maxPoolSize = 48, initialPoolSize = 2,
            transactional = false)
    public static class Api extends Application {
    }

    public record Receipt(String submissionId, Instant submittedAt) {
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    /** {@code -Dfloor.store}: cdi (a CDI bean's @Transactional), ejb (a stateless EJB), local (RESOURCE_LOCAL),
     *  none (parse and answer, no database) */
    private static final String STORE = System.getProperty("floor.store", "cdi");

    @Inject
    FloorStore cdi;

    @Inject
    FloorEjbStore ejb;

    @Inject
    FloorLocalStore local;

    @Context
    UriInfo uri;

    @POST
    @Path("{tokenHash}/submission")
    public Response submit(@PathParam("tokenHash") String tokenHash, String body) {
        if (tokenHash.equals("probe")) {
            return Response.status(201).entity(new Receipt("probe", Instant.now())).build();
        }
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
        }
        String submissionId = json.getString("submissionId");
        String language = json.getString("language");
        String answers = json.getJsonObject("answers").toString();
        FloorResponse stored = switch (STORE) {
            case "cdi" -> cdi.submit(tokenHash, submissionId, language, answers);
            case "ejb" -> ejb.submit(tokenHash, submissionId, language, answers);
            case "local" -> local.submit(tokenHash, submissionId, language, answers);
            case "none" -> FloorResponse.unstored(submissionId, language, answers);
            default -> throw new IllegalStateException("floor.store: " + STORE);
        };
        if (stored == null) {
            return Response.status(404).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("respond/{token}/receipt").build(tokenHash))
                .entity(new Receipt(stored.submissionId, stored.submittedAt.toInstant())).build();
    }
}
