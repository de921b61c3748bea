package org.clusterlens.container;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

import java.nio.charset.StandardCharsets;

/**
 * Sits just above Grizzly's HTTP codec and refuses a request whose path breaks
 * {@link AddressRules} with a 400 problem+json, before Payara's own adapter decodes the path
 * (and answers an empty 400, or logs a stack trace and answers 200). The connection is closed
 * after the answer: the request's body, if any, is not read.
 */
public class AddressCheckFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        String detail = AddressRules.problem(
                request.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1));
        if (detail == null) {
            return ctx.getInvokeAction();
        }
        HttpResponsePacket response = request.getResponse();
        if (!response.isCommitted()) { // every later chunk of a refused request's body stops here too
            refuse(ctx, request, response, detail);
        }
        return ctx.getStopAction();
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, HttpResponsePacket response, String detail) {
        byte[] body = ProblemBody.json(400, detail, "path");
        response.setStatus(400);
        response.setReasonPhrase("Bad Request");
        response.setContentType(ProblemBody.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        request.getProcessingState().setKeepAlive(false);
        // a HEAD request is told the length of the body it would have had, and gets none
        Buffer buffer = Buffers.wrap(ctx.getMemoryManager(), request.getMethod() == Method.HEAD ? new byte[0] : body);
        Connection<?> connection = ctx.getConnection();
        ctx.write(HttpContent.builder(response).content(buffer).last(true).build(), new CompletionHandler<>() {
            @Override
            public void cancelled() {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable throwable) {
                connection.closeSilently();
            }

            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void updated(WriteResult result) {
            }
        });
    }
}
