package org.clusterlens.platform.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON body, whichever parser reads it next (JSON-B for the staff API, JSON-P for the
 * respondent's answers), passes {@link JsonText#check} first. The body is at most
 * {@code clusterlens.request.max-bytes} ({@link RequestSizeLimit}), so holding it is bounded.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"))) {
            byte[] body = context.getInputStream().readAllBytes();
            JsonText.check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
