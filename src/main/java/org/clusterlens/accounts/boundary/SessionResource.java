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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.clusterlens.accounts.control.Authentication;
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

    public record Me(String email, String displayName, Set<String> roles, String csrfToken) {
    }

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @PermitAll
    public Me login(@Valid @NotNull Login login) {
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(login.email(), login.password()))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw ProblemException.unauthorized("The email or password is wrong.");
        }
        return me(login.email());
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
