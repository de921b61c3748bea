package org.clusterlens.platform.errors;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;

/**
 * Payara's web container replaces the body of any uncommitted 4xx/5xx response with the
 * web.xml error page. Flushing a problem as soon as it is written commits it, so the
 * detailed problem the API produced is the one the client gets.
 */
@Provider
public class CommitProblems implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.proceed();
        if (context.getEntity() instanceof Problem) {
            context.getOutputStream().flush();
        }
    }
}
