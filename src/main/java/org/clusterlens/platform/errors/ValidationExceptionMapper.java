package org.clusterlens.platform.errors;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Needed beside {@link AnyExceptionMapper} because Jersey ships a more specific mapper of its own. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ValidationException thrown) {
        return ExceptionProblems.toProblem(thrown).withInstance(uri.getRequestUri().getRawPath()).toResponse();
    }
}
