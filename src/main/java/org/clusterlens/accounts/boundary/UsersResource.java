package org.clusterlens.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.control.Accounts;
import org.clusterlens.accounts.control.Passwords;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.User;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UsersResource {

    public record NewUser(@NotBlank @Email @Size(max = 254) String email,
                          @NotBlank @Size(max = 200) String displayName,
                          @NotNull @Size(min = Passwords.MIN_LENGTH, max = 200) String password,
                          @NotEmpty Set<Role> roles) {
    }

    public record UserChange(@Size(min = 1, max = 200) String displayName,
                             @Size(min = 1) Set<Role> roles,
                             Boolean enabled,
                             @Size(min = Passwords.MIN_LENGTH, max = 200) String password) {
    }

    public record UserView(long id, String email, String displayName, Set<String> roles, boolean enabled,
                           Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.displayName(), new TreeSet<>(u.roleNames()), u.enabled(),
                    u.createdAt());
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    SecurityContext security;

    @GET
    public List<UserView> list() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") long id) {
        return UserView.of(accounts.find(id));
    }

    @POST
    public Response create(@Valid @NotNull NewUser user, @Context UriInfo uri) {
        User created = accounts.create(actor(), user.email(), user.displayName().strip(), user.password(), user.roles());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(UserView.of(created)).build();
    }

    @PATCH
    @Path("{id}")
    public UserView change(@PathParam("id") long id, @Valid @NotNull UserChange change) {
        return UserView.of(accounts.change(actor(), id, change.displayName(), change.roles(), change.enabled(),
                change.password()));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        accounts.delete(actor(), id);
    }

    private String actor() {
        return security.getCallerPrincipal().getName();
    }
}
