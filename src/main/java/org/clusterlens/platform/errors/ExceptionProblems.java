package org.clusterlens.platform.errors;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any exception into a problem. Frameworks wrap the interesting exception (a JSON-B error
 * inside a ProcessingException inside an EJBException…), so the cause chain is searched for the
 * first exception that says what went wrong.
 */
final class ExceptionProblems {
    private static final Logger LOG = Logger.getLogger(ExceptionProblems.class.getName());
    // JSON-B (Yasson) names the field only inside its messages
    private static final Pattern WRONG_TYPE = Pattern.compile("deserialize property '([^']+)'");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");
    private static final Pattern UNKNOWN_ENUM = Pattern.compile("No enum constant [\\w.$]+\\.(\\S+)");

    private ExceptionProblems() {
    }

    static Problem toProblem(Throwable thrown) {
        // the precise causes win over their generic wrappers, wherever they sit in the chain
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException || t instanceof JsonParsingException) {
                return known(t).orElseThrow();
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<Problem> known = known(t);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return serverError(thrown);
    }

    private static Optional<Problem> known(Throwable t) {
        if (t instanceof ProblemException p) {
            return Optional.of(p.problem());
        }
        if (t instanceof ConstraintViolationException cve) {
            return Optional.of(validation(cve));
        }
        if (t instanceof OptimisticLockException) {
            return Optional.of(Problem.of(Status.CONFLICT,
                    "Someone else changed this item since you loaded it. Reload it and apply your change again."));
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            // a unique key lost a race with a concurrent request
            return Optional.of(Problem.of(Status.CONFLICT,
                    "Someone else made the same change at the same moment. Reload and try again."));
        }
        if (t instanceof JsonParsingException jpe) {
            String where = jpe.getLocation() == null ? "" : " at line " + jpe.getLocation().getLineNumber()
                    + ", column " + jpe.getLocation().getColumnNumber();
            return Optional.of(Problem.of(Status.BAD_REQUEST, "The request body is not valid JSON" + where + "."));
        }
        if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
            return Optional.of(bindingError(t));
        }
        if (t instanceof WebApplicationException wae && wae.getResponse() != null) {
            var status = wae.getResponse().getStatusInfo();
            if (status.getFamily() == Status.Family.SERVER_ERROR) {
                return Optional.empty();
            }
            return Optional.of(Problem.of(status, clientMessage(status.getStatusCode())));
        }
        return Optional.empty();
    }

    private static String clientMessage(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in the media type you asked for.";
            case 415 -> "Send the request body as application/json.";
            default -> "The request could not be processed.";
        };
    }

    private static Problem validation(ConstraintViolationException cve) {
        List<Problem.FieldError> errors = cve.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .toList();
        return Problem.of(Status.BAD_REQUEST, "Some fields are not valid.").withErrors(errors);
    }

    /** The property path of a parameter is method.parameter.field; the client knows only the field. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return depth <= 2 ? "/" : "/" + last;
    }

    private static Problem bindingError(Throwable t) {
        String message = deepestMessage(t);
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            String field = unknown.group(1);
            return Problem.of(Status.BAD_REQUEST, "The request has a field this endpoint does not know: " + field + ".")
                    .withErrors(List.of(new Problem.FieldError("/" + field, "unknown field")));
        }
        Matcher property = WRONG_TYPE.matcher(message);
        if (property.find()) {
            String field = property.group(1);
            return Problem.of(Status.BAD_REQUEST, "The field " + field + " has a value of the wrong type.")
                    .withErrors(List.of(new Problem.FieldError("/" + field, "wrong type")));
        }
        Matcher value = UNKNOWN_ENUM.matcher(message);
        if (value.find()) {
            return Problem.of(Status.BAD_REQUEST, "'" + value.group(1) + "' is not one of the allowed values.");
        }
        return Problem.of(Status.BAD_REQUEST, "The request body does not have the expected JSON shape.");
    }

    private static String deepestMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                all.append(c.getMessage()).append(' ');
            }
        }
        return all.toString();
    }

    private static Problem serverError(Throwable thrown) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, thrown);
        return Problem.of(Status.INTERNAL_SERVER_ERROR,
                        "Something went wrong on our side. Quote incident " + incident + " when you report it.")
                .withIncident(incident);
    }
}
