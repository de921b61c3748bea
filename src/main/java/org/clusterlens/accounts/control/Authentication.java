package org.clusterlens.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.clusterlens.accounts.entity.User;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Three ways in: scripts send HTTP Basic or an API token ({@code Bearer}) on every request;
 * browsers log in once through {@code POST /api/session} and then carry a session cookie. Nobody is
 * turned away here: a request without valid credentials goes on as anonymous and
 * {@link AccessRules} decides whether that is enough, so every refusal comes out as the same
 * problem+json.
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {
    /** Request attribute: how the caller proved who they are ({@code basic}, {@code token} or {@code session}). */
    public static final String VIA = "clusterlens.auth.via";
    /** Request attribute: set when credentials were sent and were wrong. */
    public static final String FAILED = "clusterlens.auth.failed";
    /** Request attribute: seconds to wait, set when a password was not even checked because of earlier failures. */
    public static final String THROTTLED = "clusterlens.auth.retry-after";
    static final String SESSION_USER = "clusterlens.user";
    static final String SESSION_EPOCH = "clusterlens.credentials-epoch";
    public static final String SESSION_CSRF = "clusterlens.csrf";

    @Inject
    SignIns signIns;

    @Inject
    UserDirectory users;

    @Inject
    ApiTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, context);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7), request, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
            return login(login, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String email) {
            Optional<User> user = users.findActive(email)
                    .filter(u -> session.getAttribute(SESSION_EPOCH) instanceof Long epoch && epoch == u.credentialsEpoch());
            if (user.isPresent()) {
                request.setAttribute(VIA, "session");
                return context.notifyContainerAboutLogin(user.get().email(), user.get().roleNames());
            }
            // disabled, deleted, or the password changed since this session began
            session.invalidate();
        }
        return context.doNothing();
    }

    /** Keeps the caller's own session valid across a password change that ends all the others. */
    public static void keepSession(HttpServletRequest request, User user) {
        HttpSession session = request.getSession(false);
        if (session != null && "session".equals(request.getAttribute(VIA))) {
            session.setAttribute(SESSION_EPOCH, user.credentialsEpoch());
            request.changeSessionId();
        }
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
        SignIns.Attempt attempt = signIns.attempt(decoded.substring(0, colon), decoded.substring(colon + 1),
                request, SignIns.Via.BASIC);
        return switch (attempt) {
            case SignIns.Attempt.Accepted accepted -> {
                request.setAttribute(VIA, "basic");
                yield context.notifyContainerAboutLogin(accepted.user().email(), accepted.user().roleNames());
            }
            case SignIns.Attempt.Throttled throttled -> {
                request.setAttribute(THROTTLED, throttled.retryAfterSeconds());
                yield context.doNothing();
            }
            case SignIns.Attempt.Refused refused -> {
                request.setAttribute(FAILED, "The email or password is wrong.");
                yield context.doNothing();
            }
        };
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpMessageContext context) {
        Optional<User> user = tokens.authenticate(token);
        if (user.isEmpty()) {
            request.setAttribute(FAILED, "The API token is unknown, revoked or expired, or its user is disabled.");
            return context.doNothing();
        }
        request.setAttribute(VIA, "token");
        return context.notifyContainerAboutLogin(user.get().email(), user.get().roleNames());
    }

    private AuthenticationStatus login(UsernamePasswordCredential login, HttpServletRequest request,
                                       HttpMessageContext context) {
        SignIns.Attempt attempt = signIns.attempt(login.getCaller(), login.getPasswordAsString(), request,
                SignIns.Via.SESSION);
        if (attempt instanceof SignIns.Attempt.Throttled throttled) {
            request.setAttribute(THROTTLED, throttled.retryAfterSeconds());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!(attempt instanceof SignIns.Attempt.Accepted accepted)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        User user = accepted.user();
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // no session fixation: the id before login is not the id after
        session.setAttribute(SESSION_USER, user.email());
        session.setAttribute(SESSION_EPOCH, user.credentialsEpoch());
        session.setAttribute(SESSION_CSRF, CsrfTokens.generate());
        request.setAttribute(VIA, "session");
        return context.notifyContainerAboutLogin(user.email(), user.roleNames());
    }
}
