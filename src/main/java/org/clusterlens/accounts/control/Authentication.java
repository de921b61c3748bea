package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.clusterlens.accounts.entity.User;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Two ways in: scripts send HTTP Basic on every request; browsers log in once through
 * {@code POST /api/session} and then carry a session cookie. Nobody is turned away here: a request
 * without credentials goes on as anonymous and {@link AccessRules} decides whether that is enough,
 * so every refusal comes out as the same problem+json.
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {
    /** Request attribute: how the caller proved who they are ({@code basic} or {@code session}). */
    public static final String VIA = "clusterlens.auth.via";
    /** Request attribute: set when credentials were sent and were wrong. */
    public static final String FAILED = "clusterlens.auth.failed";
    static final String SESSION_USER = "clusterlens.user";
    public static final String SESSION_CSRF = "clusterlens.csrf";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserDirectory users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
            return login(login, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String email) {
            Optional<User> user = users.findActive(email);
            if (user.isPresent()) {
                request.setAttribute(VIA, "session");
                return context.notifyContainerAboutLogin(user.get().email(), user.get().roleNames());
            }
            session.invalidate();
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            request.setAttribute(FAILED, "The Authorization header is not valid Basic credentials.");
            return context.doNothing();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            request.setAttribute(FAILED, "The Authorization header is not valid Basic credentials.");
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            request.setAttribute(FAILED, "The email or password is wrong.");
            return context.doNothing();
        }
        request.setAttribute(VIA, "basic");
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus login(UsernamePasswordCredential login, HttpServletRequest request,
                                       HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(login);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // no session fixation: the id before login is not the id after
        session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        session.setAttribute(SESSION_CSRF, CsrfTokens.generate());
        request.setAttribute(VIA, "session");
        return context.notifyContainerAboutLogin(result);
    }
}
