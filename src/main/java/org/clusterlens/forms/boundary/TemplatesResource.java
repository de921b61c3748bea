package org.clusterlens.forms.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.forms.control.TemplateDiff;
import org.clusterlens.forms.control.TemplateProblem;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.platform.errors.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Questionnaire templates: agents write and publish, leads read. */
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class TemplatesResource {

    public record Summary(String id, int version, String status, String title, String contentHash,
                          String createdBy, Instant createdAt, String publishedBy, Instant publishedAt) {
        static Summary of(TemplateVersion v) {
            return new Summary(v.templateId(), v.versionNumber(), v.status().name().toLowerCase(), v.title(),
                    v.contentHash(), v.createdBy(), v.createdAt(), v.publishedBy(), v.publishedAt());
        }
    }

    public record Detail(String id, int version, String status, String title, String contentHash, String createdBy,
                         Instant createdAt, String publishedBy, Instant publishedAt, JsonObject content) {
        static Detail of(TemplateVersion v) {
            return new Detail(v.templateId(), v.versionNumber(), v.status().name().toLowerCase(), v.title(),
                    v.contentHash(), v.createdBy(), v.createdAt(), v.publishedBy(), v.publishedAt(), Templates.document(v));
        }
    }

    public record Validation(boolean valid, List<TemplateProblem> problems) {
    }

    @Inject
    Templates templates;

    @Inject
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public List<Summary> list() {
        return templates.latestOfEach().stream().map(Summary::of).toList();
    }

    @POST
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response create(String body) {
        TemplateVersion created = templates.create(Templates.parse(body), actor());
        return versionResponse(Response.created(versionUri(created)), created);
    }

    @POST
    @Path("validation")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Validation validate(String body) {
        List<TemplateProblem> problems = templates.problems(Templates.parse(body));
        return new Validation(problems.isEmpty(), problems);
    }

    @GET
    @Path("{id}/versions")
    public List<Summary> versions(@PathParam("id") String id) {
        templates.latest(id);
        return templates.versions(id).stream().map(Summary::of).toList();
    }

    @GET
    @Path("{id}")
    public Response latest(@PathParam("id") String id) {
        return versionResponse(Response.ok(), templates.latest(id));
    }

    @GET
    @Path("{id}/versions/{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        return versionResponse(Response.ok(), templates.version(id, version));
    }

    /** Edits the template; send If-Match with the ETag of the version you started from. */
    @PUT
    @Path("{id}/draft")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response saveDraft(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              String body) {
        Templates.Saved saved = templates.saveDraft(id, Templates.parse(body), ifMatch, actor());
        return versionResponse(saved.newVersion() ? Response.created(versionUri(saved.version())) : Response.ok(),
                saved.version());
    }

    @POST
    @Path("{id}/versions/{version}/publication")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response publish(@PathParam("id") String id, @PathParam("version") int version) {
        return versionResponse(Response.ok(), templates.publish(id, version, actor()));
    }

    @DELETE
    @Path("{id}/versions/{version}")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public void deleteDraft(@PathParam("id") String id, @PathParam("version") int version) {
        templates.deleteDraft(id, version, actor());
    }

    @GET
    @Path("{id}/diff")
    public TemplateDiff diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "Name both versions: ?from=1&to=2.");
        }
        return templates.diff(id, from, to);
    }

    private Response versionResponse(Response.ResponseBuilder builder, TemplateVersion version) {
        return builder.header(HttpHeaders.ETAG, version.etag()).entity(Detail.of(version)).build();
    }

    private URI versionUri(TemplateVersion v) {
        return uri.getBaseUriBuilder().path("templates/{id}/versions/{version}").build(v.templateId(), v.versionNumber());
    }

    private String actor() {
        return security.getCallerPrincipal().getName();
    }
}
