package org.clusterlens.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.control.StudyMembers;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.StudyMember;
import org.clusterlens.platform.errors.ProblemException;

import java.util.List;

/**
 * A study's team. Everybody in it sees who else is; its agents (and admins) change it. Access to
 * the study itself is checked before these run, like every {@code studies/{id}} endpoint.
 */
@Path("studies/{studyId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class MembersResource {

    public record MemberView(long userId, String email, String displayName, String role) {
        static MemberView of(StudyMember m) {
            return new MemberView(m.user().id(), m.user().email(), m.user().displayName(), m.role().name());
        }
    }

    public record MemberRole(String role) {
    }

    public record NewMember(String email, String role) {
    }

    @PathParam("studyId")
    long studyId;

    @Inject
    StudyMembers members;

    @Inject
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public List<MemberView> list() {
        return members.of(studyId).stream().map(MemberView::of).toList();
    }

    /** Adds a user by email: what an agent knows of a colleague. */
    @POST
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public Response add(NewMember member) {
        if (member == null || member.email() == null || member.email().isBlank()) {
            throw ProblemException.invalidField("/email", "Send {\"email\": \"colleague@example.org\", \"role\": \"lead\"}.");
        }
        StudyMember added = members.add(studyId, member.email(), role(member.role()), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.user().id())).build())
                .entity(MemberView.of(added)).build();
    }

    @PUT
    @Path("{userId}")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public MemberView put(@PathParam("userId") long userId, MemberRole change) {
        return MemberView.of(members.put(studyId, userId, role(change == null ? null : change.role()), caller()));
    }

    @DELETE
    @Path("{userId}")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public void remove(@PathParam("userId") long userId) {
        members.remove(studyId, userId, caller());
    }

    private static Role role(String name) {
        return Role.parse(name).filter(r -> r != Role.admin).orElseThrow(() ->
                ProblemException.invalidField("/role", "A study member is an \"agent\" or a \"lead\"."));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
