package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.themes.control.RebuildProgress;
import org.clusterlens.themes.control.ThemeIndexer;

/**
 * The answer index of the instance that takes the request: admins rebuild it from the database
 * and follow the rebuild. Searches keep using the old index until the new one is complete.
 */
@Path("admin/themes/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed(Role.ADMIN)
public class AnswerIndexResource {
    @Inject
    ThemeIndexer indexer;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext security;

    @GET
    public RebuildProgress progress() {
        return indexer.index().rebuildProgress();
    }

    /** 202 with the progress; a rebuild already running is not started twice. */
    @POST
    public Response rebuild() {
        String admin = security.getCallerPrincipal().getName();
        RebuildProgress progress = indexer.index().startRebuild("asked for by " + admin);
        audit.recordAlone(admin, Action.CHANGED, "answer-index", "rebuild", "rebuild " + progress.state());
        return Response.accepted(progress).build();
    }
}
