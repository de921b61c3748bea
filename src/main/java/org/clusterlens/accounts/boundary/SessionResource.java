package org.clusterlens.accounts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlens.accounts.control.Accounts;
import org.clusterlens.accounts.control.Authentication;
import org.clusterlens.accounts.control.Passwords;
import org.clusterlens.accounts.control.SignInThrottle;
import org.clusterlens.accounts.control.SignIns;
import org.clusterlens.accounts.control.UserDirectory;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.User;
import org.clusterlens.platform.errors.ProblemException;

import java.util.Set;
import java.util.TreeSet;

/** Browser login: a session cookie plus a CSRF token to echo on writes. */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    public record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
                                 @NotNull @Size(min = Passwords.MIN_LENGTH, max = 200) String newPassword) {
    }

    public record Me(String email, String displayName, Set<String> roles, String csrfToken) {
    }

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    @Inject
    SignIns signIns;

    @Inject
    Accounts accounts;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @PermitAll
    public Response login(@Valid @NotNull Login login) {
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(login.email(), login.password()))
                .newAuthentication(true));
        if (request.getAttribute(Authentication.THROTTLED) instanceof Long wait) {
            return SignInThrottle.tooManyFailures(wait);
        }
        if (status != AuthenticationStatus.SUCCESS) {
            throw ProblemException.unauthorized("The email or password is wrong.");
        }
        return Response.ok(me(login.email())).build();
    }

    /** Ends every other session and every API token of the caller; this session goes on. */
    @PUT
    @Path("password")
    @RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
    public Response changePassword(@Valid @NotNull PasswordChange change) {
        String email = security.getCallerPrincipal().getName();
        switch (signIns.attempt(email, change.currentPassword(), request, SignIns.Via.PASSWORD_CHANGE)) {
            case SignIns.Attempt.Throttled throttled -> {
                return SignInThrottle.tooManyFailures(throttled.retryAfterSeconds());
            }
            case SignIns.Attempt.Refused refused ->
                    throw ProblemException.invalidField("/currentPassword", "The current password is wrong.");
            case SignIns.Attempt.Accepted accepted -> {
                User changed = accounts.changeOwnPassword(email, change.newPassword());
                Authentication.keepSession(request, changed);
                return Response.noContent().build();
            }
        }
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
    public Me current() {
        return me(security.getCallerPrincipal().getName());
    }

    @DELETE
    @RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
    public void logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private Me me(String email) {
        User user = users.findActive(email).orElseThrow(() -> ProblemException.unauthorized("Unknown user."));
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(Authentication.SESSION_CSRF);
        return new Me(user.email(), user.displayName(), new TreeSet<>(user.roleNames()),
                csrf == null ? null : csrf.toString());
    }
}
