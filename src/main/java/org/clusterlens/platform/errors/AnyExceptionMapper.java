package org.clusterlens.platform.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No exception leaves the API as anything but problem+json; no stack trace leaves the server. */
@Provider
public class AnyExceptionMapper implements ExceptionMapper<Throwable> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = ExceptionProblems.toProblem(thrown);
        if (uri != null) {
            problem = problem.withInstance(uri.getRequestUri().getRawPath());
        }
        return problem.toResponse();
    }
}
