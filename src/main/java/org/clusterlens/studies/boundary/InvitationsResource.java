package org.clusterlens.studies.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.studies.boundary.Views.InvitationView;
import org.clusterlens.studies.control.Invitations;

/** What agents do with one invitation's link. */
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({Role.ADMIN, Role.AGENT})
public class InvitationsResource {
    @Inject
    Invitations invitations;

    @Inject
    SecurityContext security;

    @POST
    @Path("{id}/revocation")
    public InvitationView revoke(@PathParam("id") long id) {
        return InvitationView.of(invitations.revoke(id, agent()));
    }

    @POST
    @Path("{id}/reissue")
    public InvitationView reissue(@PathParam("id") long id) {
        return InvitationView.of(invitations.reissue(id, agent()));
    }

    @POST
    @Path("{id}/reminder")
    public InvitationView remind(@PathParam("id") long id) {
        return InvitationView.of(invitations.remind(id, agent()));
    }

    private String agent() {
        return security.getCallerPrincipal().getName();
    }
}
