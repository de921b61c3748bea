package org.clusterlens.container;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.memory.Buffers;

import java.nio.charset.StandardCharsets;

/**
 * Sits just below Grizzly's HTTP codec, where responses are bytes, and gives a problem+json body
 * to an error that was encoded without one: what the codec itself answers to a request line or
 * header over its size limit (400), to an unknown HTTP version (505), and what Payara's adapter
 * answers without a body ("400 Invalid URI"). Those responses are a lone header block with
 * {@code Content-Length: 0} and no {@code Content-Type}; the application's own errors always
 * have a body and never match. Every other response is passed on after a look at a few bytes.
 */
public class BodilessErrorFilter extends BaseFilter {
    private static final int MAX_HEADER_BLOCK = 8192;
    /** The codec keeps the request it is parsing or answering under this name (the same attribute). */
    private static final Attribute<HttpRequestPacket> REQUEST_IN_PROCESS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);

    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof Buffer buffer && mayBeBodilessError(buffer)) {
            HttpRequestPacket request = REQUEST_IN_PROCESS.get(ctx.getConnection());
            if (request == null || request.getMethod() != Method.HEAD) {
                byte[] rewritten = withProblemBody(buffer.toStringContent(StandardCharsets.ISO_8859_1));
                if (rewritten != null) {
                    buffer.tryDispose();
                    ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), rewritten));
                }
            }
        }
        return ctx.getInvokeAction();
    }

    /** "HTTP/1.x 4.." or "5..", ending with the blank line that ends the headers. */
    private static boolean mayBeBodilessError(Buffer buffer) {
        int start = buffer.position();
        int length = buffer.remaining();
        if (length < 16 || length > MAX_HEADER_BLOCK) {
            return false;
        }
        byte digit = buffer.get(start + 9);
        int end = start + length;
        return buffer.get(start) == 'H' && buffer.get(start + 4) == '/' && (digit == '4' || digit == '5')
                && buffer.get(end - 1) == '\n' && buffer.get(end - 2) == '\r'
                && buffer.get(end - 3) == '\n' && buffer.get(end - 4) == '\r';
    }

    /** The response with a problem body, or {@code null} when it is not a bodiless error after all. */
    static byte[] withProblemBody(String headerBlock) {
        if (!headerBlock.startsWith("HTTP/1.") || headerBlock.indexOf("\r\n\r\n") != headerBlock.length() - 4) {
            return null;
        }
        String[] lines = headerBlock.substring(0, headerBlock.length() - 4).split("\r\n");
        String statusLine = lines[0];
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (RuntimeException e) {
            return null;
        }
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        boolean emptyLength = false;
        StringBuilder head = new StringBuilder(headerBlock.length() + 64).append(statusLine).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Transfer-Encoding")) {
                return null;
            }
            if (name.equalsIgnoreCase("Content-Length")) {
                if (!line.substring(colon + 1).trim().equals("0")) {
                    return null;
                }
                emptyLength = true;
                continue;
            }
            head.append(line).append("\r\n");
        }
        if (!emptyLength || status < 400 || status > 599) {
            return null;
        }
        byte[] body = ProblemBody.json(status, ProblemBody.detail(status, reason), null);
        head.append("Content-Type: ").append(ProblemBody.MEDIA_TYPE).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        return response;
    }
}
