package org.clusterlens.platform.errors;

import jakarta.ws.rs.core.Response.Status;

import java.util.List;

/** Thrown by any layer to end the request with a specific problem. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, detail).withErrors(errors));
    }

    public static ProblemException invalidField(String field, String message) {
        return badRequest(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(Status.FORBIDDEN, detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(Status.UNAUTHORIZED, detail));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(Problem.of(428, "Precondition Required", detail));
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes."));
    }
}
