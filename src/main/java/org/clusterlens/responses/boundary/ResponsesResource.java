package org.clusterlens.responses.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.responses.boundary.ResponseViews.ResponseDetail;
import org.clusterlens.responses.control.Responses;
import org.clusterlens.studies.control.StudyAccess;

/** One response, as the study team reads it; agents may reopen it. */
@Path("responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class ResponsesResource {
    @Inject
    Responses responses;

    @Inject
    SecurityContext security;

    @Inject
    StudyAccess access;

    @GET
    @Path("{id}")
    public ResponseDetail get(@PathParam("id") long id) {
        return ResponseDetail.of(responses.find(id), access.viewer());
    }

    @POST
    @Path("{id}/reopening")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    public ResponseDetail reopen(@PathParam("id") long id) {
        return ResponseDetail.of(responses.reopen(id, security.getCallerPrincipal().getName()), access.viewer());
    }
}
