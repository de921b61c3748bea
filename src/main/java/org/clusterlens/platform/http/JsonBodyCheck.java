package org.clusterlens.platform.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Every JSON body, whichever parser reads it next (JSON-B for the staff API, JSON-P for the
 * respondent's answers), passes {@link JsonText#check} first. The body is at most
 * {@code clusterlens.request.max-bytes} ({@link RequestSizeLimit}), so holding it is bounded.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType(), context.getType())) {
            byte[] body = context.getInputStream().readAllBytes();
            JsonText.check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /**
     * A body sent without a Content-Type (Jersey then says application/octet-stream) reaches a
     * JSON method all the same, so it is checked unless the method reads raw bytes (a register file).
     */
    static boolean isJson(MediaType type, Class<?> target) {
        if (type == null || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)) {
            return target != byte[].class && !InputStream.class.isAssignableFrom(target);
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
