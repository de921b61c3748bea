package org.clusterlens.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.control.ApiTokens;
import org.clusterlens.accounts.entity.ApiToken;
import org.clusterlens.accounts.entity.Role;

import java.time.Instant;
import java.util.List;

/** The caller's own API tokens, for scripts: {@code Authorization: Bearer clt_…}. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class TokensResource {

    public record NewToken(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    /** The only time the secret leaves the server. */
    public record CreatedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt());
        }
    }

    @Inject
    ApiTokens tokens;

    @Inject
    SecurityContext security;

    @GET
    public List<TokenView> list() {
        return tokens.of(caller()).stream().map(TokenView::of).toList();
    }

    @POST
    public Response create(@Valid @NotNull NewToken request, @Context UriInfo uri) {
        ApiTokens.Created created = tokens.create(caller(), request.name().strip(), request.expiresAt());
        ApiToken t = created.token();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(t.id())).build())
                .entity(new CreatedToken(t.id(), t.name(), created.secret(), t.createdAt(), t.expiresAt())).build();
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(caller(), id);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
