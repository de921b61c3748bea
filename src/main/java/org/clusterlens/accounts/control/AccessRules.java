package org.clusterlens.accounts.control;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.ProblemException;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Who may call what, from the {@code @RolesAllowed}/{@code @PermitAll} on each resource method or
 * class. An endpoint that declares nothing is closed: forgetting the annotation cannot open it.
 * Browsers that are logged in by session must also echo their CSRF token on writes; that every
 * browser write comes from ClusterLens' own pages, whatever the credentials, is
 * {@link org.clusterlens.platform.http.CrossSiteRequests}' part.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100) // before Payara's own @RolesAllowed filter, so refusals say why
public class AccessRules implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BASIC_CHALLENGE = "Basic realm=\"ClusterLens\", charset=\"UTF-8\"";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Rule rule = Rule.of(method).orElse(Rule.of(resource.getResourceClass()));
        if (rule.permitAll) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            if (servletRequest.getAttribute(Authentication.THROTTLED) instanceof Long wait) {
                request.abortWith(SignInThrottle.tooManyFailures(wait));
                return;
            }
            Object failed = servletRequest.getAttribute(Authentication.FAILED);
            ProblemException refusal = ProblemException.unauthorized(failed != null ? failed.toString()
                    : "Log in first: send HTTP Basic credentials or a session cookie from POST /api/session.");
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(refusal.problem().toResponse())
                    .header("WWW-Authenticate", isBrowser(request) ? null : BASIC_CHALLENGE)
                    .build());
            return;
        }
        boolean allowed = rule.roles.stream().anyMatch(security::isUserInRole);
        if (!allowed) {
            request.abortWith(Problem.of(403, "Forbidden",
                    "Your role does not allow this. It needs one of: " + String.join(", ", rule.roles) + ".")
                    .toResponse());
            return;
        }
        checkCsrf(request);
    }

    /**
     * A browser answers a Basic challenge with a password dialog and then sends that password with
     * every request to this server, from whatever site the request comes: so browsers never get the
     * challenge. Each of these says "browser": fetch metadata (every current browser), a page
     * navigation's {@code Accept}, the header the staff pages add. curl and scripts send none.
     */
    static boolean isBrowser(ContainerRequestContext request) {
        return isBrowser(request.getHeaderString("Sec-Fetch-Mode"), request.getHeaderString("Accept"),
                request.getHeaderString("X-Requested-With"));
    }

    static boolean isBrowser(String fetchMode, String accept, String requestedWith) {
        return fetchMode != null || requestedWith != null
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html"));
    }

    private void checkCsrf(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || !"session".equals(servletRequest.getAttribute(Authentication.VIA))) {
            return;
        }
        HttpSession session = servletRequest.getSession(false);
        Object expected = session == null ? null : session.getAttribute(Authentication.SESSION_CSRF);
        if (!CsrfTokens.matches(expected == null ? null : expected.toString(),
                request.getHeaderString(CsrfTokens.HEADER))) {
            request.abortWith(Problem.of(403, "Forbidden",
                    "Missing or wrong " + CsrfTokens.HEADER + " header: send the token you received at login.")
                    .toResponse());
        }
    }

    record Rule(boolean permitAll, Set<String> roles) {
        static java.util.Optional<Rule> of(AnnotatedElement element) {
            if (element.isAnnotationPresent(PermitAll.class)) {
                return java.util.Optional.of(new Rule(true, Set.of()));
            }
            if (element.isAnnotationPresent(DenyAll.class)) {
                return java.util.Optional.of(new Rule(false, Set.of()));
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            return roles == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new Rule(false, Set.of(roles.value())));
        }

        static Rule of(Class<?> type) {
            return of((AnnotatedElement) type).orElse(new Rule(false, Set.of()));
        }
    }
}
