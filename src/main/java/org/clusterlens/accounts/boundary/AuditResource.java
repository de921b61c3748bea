package org.clusterlens.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;

import java.time.Instant;
import java.util.List;

/** Who created, changed, published or deleted what, newest first. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                        String detail) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.detail());
        }
    }

    @Inject
    AuditLog audit;

    @GET
    public List<Entry> recent(@QueryParam("subjectType") String subjectType,
                              @QueryParam("subjectId") String subjectId,
                              @QueryParam("limit") @DefaultValue("100") int limit) {
        // checked here: Payara's OpenAPI generator fails on @Min/@Max on query parameters
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "limit must be between 1 and 1000.");
        }
        return audit.recent(subjectType, subjectId, limit).stream().map(Entry::of).toList();
    }
}
