package org.clusterlens.studies.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.boundary.Views.ActorView;
import org.clusterlens.studies.boundary.Views.StudyView;
import org.clusterlens.studies.boundary.Views.WaveView;
import org.clusterlens.studies.control.ActorRegister;
import org.clusterlens.studies.control.InvitationToken;
import org.clusterlens.studies.control.QrCode;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.StudyAccess;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.Wave;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Studies, their waves and questionnaires, and the actor register: agents write, leads read. */
@Path("studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class StudiesResource {

    public record TemplateChoice(String templateId, Integer version) {
    }

    public record NewWave(String name, LocalDate opensOn, LocalDate closesOn) {
    }

    public record ActorFields(String externalId, String name, String type, String sector, String sizeBand,
                              String location, String email, String phone) {
        /** Keyed by the register file's column names, as the register reads them. */
        Map<String, String> columns() {
            Map<String, String> columns = new HashMap<>();
            columns.put("external_id", externalId);
            columns.put("name", name);
            columns.put("type", type);
            columns.put("sector", sector);
            columns.put("size_band", sizeBand);
            columns.put("location", location);
            columns.put("email", email);
            columns.put("phone", phone);
            return columns;
        }
    }

    public record OpenLinkChange(Boolean enabled, String actorType) {
    }

    public record OpenLinkView(boolean enabled, String actorType, String link) {
    }

    @Inject
    Studies studies;

    @Inject
    ActorRegister register;

    @Inject
    SecurityContext security;

    @Inject
    StudyAccess access;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response create(Studies.NewStudy study) {
        if (study == null) {
            throw ProblemException.invalidField("/", "Send the study as a JSON object.");
        }
        Study created = studies.create(study, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(StudyView.of(created, access.isAdmin() ? Role.admin : Role.agent)).build();
    }

    /** The caller's studies: every study for admins, the studies whose team they are in for the others. */
    @GET
    public List<StudyView> list() {
        return access.visibleStudies().stream().map(s -> StudyView.of(s, access.roleIn(s))).toList();
    }

    @GET
    @Path("{id}")
    public StudyView get(@PathParam("id") long id) {
        return StudyView.of(studies.find(id), access.viewer().role());
    }

    @PUT
    @Path("{id}/settings")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public StudyView settings(@PathParam("id") long id, Studies.Settings settings) {
        if (settings == null) {
            throw ProblemException.invalidField("/", "Send {\"leadsSeeIdentities\": false, \"strangersSeeRegister\": false}.");
        }
        return StudyView.of(studies.change(id, settings, actor()), access.viewer().role());
    }

    @PUT
    @Path("{id}/templates/{actorType}")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public StudyView assignTemplate(@PathParam("id") long id, @PathParam("actorType") String actorType,
                                    TemplateChoice choice) {
        if (choice == null) {
            throw ProblemException.invalidField("/", "Send {\"templateId\": …, \"version\": …}.");
        }
        return StudyView.of(studies.assignTemplate(id, actorType, choice.templateId(), choice.version(), actor()),
                access.viewer().role());
    }

    @POST
    @Path("{id}/waves")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response addWave(@PathParam("id") long id, NewWave wave) {
        if (wave == null) {
            throw ProblemException.invalidField("/", "Send {\"name\", \"opensOn\", \"closesOn\"}.");
        }
        Wave created = studies.addWave(id, wave.name(), wave.opensOn(), wave.closesOn(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(WaveView.of(created)).build();
    }

    @POST
    @Path("{id}/actors")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response addActor(@PathParam("id") long id, ActorFields fields) {
        if (fields == null) {
            throw ProblemException.invalidField("/", "Send the actor as a JSON object.");
        }
        Actor created = register.add(id, fields.columns(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(ActorView.of(created, access.viewer())).build();
    }

    @PUT
    @Path("{id}/actors/{actorId}")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public ActorView editActor(@PathParam("id") long id, @PathParam("actorId") long actorId, ActorFields fields) {
        if (fields == null) {
            throw ProblemException.invalidField("/", "Send the actor as a JSON object.");
        }
        return ActorView.of(register.update(id, actorId, fields.columns(), actor()), access.viewer());
    }

    /** A register file: header external_id,name,type,sector,size_band,location,email,phone. */
    @POST
    @Path("{id}/actors/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM}) // never text/plain, which any site's form can post
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public ActorRegister.Imported importActors(@PathParam("id") long id, byte[] file) {
        return register.importFile(id, file == null ? new byte[0] : file, actor());
    }

    @GET
    @Path("{id}/actors")
    public List<ActorView> actors(@PathParam("id") long id, @QueryParam("q") String query) {
        return register.search(id, query).stream().map(a -> ActorView.of(a, access.viewer())).toList();
    }

    @PUT
    @Path("{id}/open-link")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public OpenLinkView openLink(@PathParam("id") long id, OpenLinkChange change) {
        if (change == null || change.enabled() == null) {
            throw ProblemException.invalidField("/enabled", "Send {\"enabled\": true, \"actorType\": \"firm\"}.");
        }
        return studies.openLink(id, change.enabled(), change.actorType(), actor())
                .map(token -> new OpenLinkView(true, studies.find(id).openActorType().name(),
                        "/respond/open/" + token.value()))
                .orElse(new OpenLinkView(false, null, null));
    }

    /**
     * The open link as a QR code to show at a workshop. Only the token's hash is stored, so the page
     * sends the token it got when it turned the link on; a token that is not the link's is a 404.
     */
    @GET
    @Path("{id}/open-link/qr.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response openLinkQrCode(@PathParam("id") long id, @QueryParam("token") String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,100}")
                || !studies.find(id).opensWith(InvitationToken.hashOf(token))) {
            throw ProblemException.notFound("Study " + id + " has no open link with this token: turn the link on "
                    + "(PUT /api/studies/" + id + "/open-link) and use the token of the link it answers.");
        }
        String link = uri.getBaseUri().resolve("../respond/open/" + token).toString();
        return Response.ok(QrCode.svg(link, "QR code of " + link)).build();
    }

    private String actor() {
        return security.getCallerPrincipal().getName();
    }
}
