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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.clusterlens.exports.control.ExportOptions;
import org.clusterlens.exports.control.Exports;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.responses.control.Responses;
import org.clusterlens.responses.boundary.ResponseViews.ResponseSummary;
import org.clusterlens.studies.boundary.Views.InvitationView;
import org.clusterlens.studies.boundary.Views.WaveView;
import org.clusterlens.studies.control.Invitations;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.StudyAccess;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One wave of a study: who is invited, how far they are, what they answered. (One class for the
 * whole {@code studies/{id}/waves/{waveId}} subtree, because JAX-RS picks a single root resource
 * class per request and would not look further.)
 */
@Path("studies/{studyId}/waves/{waveId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class WaveResource {

    public record InvitationRequest(List<Long> actorIds, Boolean send) {
    }

    public record WaveDates(LocalDate opensOn, LocalDate closesOn) {
    }

    @PathParam("studyId")
    long studyId;

    @PathParam("waveId")
    long waveId;

    @Inject
    Studies studies;

    @Inject
    Invitations invitations;

    @Inject
    Responses responses;

    @Inject
    SecurityContext security;

    @Inject
    StudyAccess access;

    @Inject
    Exports exports;

    /** New dates for the wave: to extend it when answers are still coming in, or to open it early. */
    @PUT
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public WaveView reschedule(WaveDates dates) {
        if (dates == null) {
            throw ProblemException.invalidField("/", "Send {\"opensOn\": \"2027-01-31\", \"closesOn\": \"2027-03-31\"}.");
        }
        return WaveView.of(studies.reschedule(studyId, waveId, dates.opensOn(), dates.closesOn(),
                security.getCallerPrincipal().getName()));
    }

    @POST
    @Path("invitations")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public List<InvitationView> invite(InvitationRequest request) {
        InvitationRequest r = request == null ? new InvitationRequest(null, false) : request;
        return invitations.invite(studyId, waveId, r.actorIds(), Boolean.TRUE.equals(r.send()),
                security.getCallerPrincipal().getName()).stream().map(InvitationView::of).toList();
    }

    /** Who was invited and how far each got is fieldwork: for the study's agents. */
    @GET
    @Path("invitations")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public List<InvitationView> invitations() {
        return invitations.ofWave(studyId, waveId).stream().map(InvitationView::of).toList();
    }

    @GET
    @Path("progress")
    public Map<String, Invitations.Progress> progress() {
        return invitations.progress(studyId, waveId);
    }

    @GET
    @Path("responses")
    public List<ResponseSummary> responses() {
        return responses.submitted(studyId, waveId).stream().map(r -> ResponseSummary.of(r, access.viewer())).toList();
    }

    /** The wave's answers as a file: {@code export.csv}, {@code export.xlsx} or {@code export.zip}, streamed. */
    @GET
    @Path("export.{format}")
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("format") String format, @QueryParam("choices") String choices,
                           @QueryParam("lang") String language, @QueryParam("multiple") String multiple) {
        ExportOptions options = ExportOptions.parse(format, choices, language, multiple);
        Exports.Export export = exports.prepare(studyId, waveId, options, access.viewer());
        StreamingOutput body = export::writeTo;
        return Response.ok(body, options.format().mediaType()).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"study-" + studyId + "-wave-" + waveId + "." + options.format().extension()
                        + "\"").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The first name of {@code export.csv}, kept for links made before there were other exports. */
    @GET
    @Path("answers.csv")
    @Produces(MediaType.WILDCARD)
    public Response answersCsv(@QueryParam("choices") String choices, @QueryParam("lang") String language,
                               @QueryParam("multiple") String multiple) {
        return export("csv", choices, language, multiple);
    }
}
