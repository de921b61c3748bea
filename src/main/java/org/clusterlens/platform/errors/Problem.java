package org.clusterlens.platform.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The one error shape every endpoint returns: RFC 9457 problem details, plus the list of field
 * errors when the request itself was wrong and an incident id when the server was.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String incidentId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = new MediaType("application", "problem+json"); // no JAX-RS runtime needed

    /**
     * {@code field} is a JSON pointer into the request body (or a parameter name); {@code position},
     * where it helps, the offset of the problem in the parameter's text (from 0), else null.
     */
    public record FieldError(String field, String message, Integer position) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    /** A type URI a client can act on, where the status alone does not say what happened. */
    public Problem withType(String typeUri) {
        return new Problem(typeUri, title, status, detail, instance, errors, incidentId);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), incidentId);
    }

    /** The request's path, without the respondent's token when the path holds one. */
    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, withoutToken(path), errors, incidentId);
    }

    /**
     * A respondent's link is their credential: an error page that repeats it ends up in a
     * screenshot, a support email or a proxy's log of bodies. {@code /respond/{token}…} and
     * {@code /respond/open/{token}…} (under {@code /api} too) keep their shape with the token cut out.
     */
    static String withoutToken(String path) {
        return path == null ? null : TOKEN_IN_PATH.matcher(path).replaceAll("$1\u2026");
    }

    private static final java.util.regex.Pattern TOKEN_IN_PATH =
            java.util.regex.Pattern.compile("(/respond/(?:open/)?)(?!open(?:/|$))[^/?#;]+");

    public Problem withIncident(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
