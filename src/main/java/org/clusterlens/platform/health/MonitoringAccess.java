package org.clusterlens.platform.health;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Payara serves {@code /metrics} and {@code /health} itself, outside JAX-RS, and both tell more
 * than a stranger should know (the database product, the data directory, pool sizes, memory).
 * Metrics are for admins and for this machine only; anyone may see whether the server is up, as a
 * load balancer must, but the checks' data only admins and this machine see.
 * Mapped in web.xml, and applies when ClusterLens is deployed at the context root, where Payara
 * registers those endpoints.
 */
public class MonitoringAccess extends HttpFilter {
    private static final String[] FORWARDING_HEADERS = {"Forwarded", "X-Forwarded-For", "X-Real-IP"};

    @Inject
    @ConfigProperty(name = Settings.MONITORING_TRUST_LOOPBACK, defaultValue = Settings.MONITORING_TRUST_LOOPBACK_DEFAULT)
    boolean trustLoopback;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean forwarded = false;
        for (String header : FORWARDING_HEADERS) {
            forwarded |= request.getHeader(header) != null;
        }
        boolean trusted = isTrusted(request.getRemoteAddr(), forwarded, request.isUserInRole(Role.ADMIN), trustLoopback);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (trusted) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/metrics")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank").add("title", "Forbidden")
                    .add("status", 403).add("detail", "Metrics are for admins and for the server's own machine.")
                    .add("instance", path).build().toString());
        } else {
            Captured captured = new Captured(response);
            chain.doFilter(request, captured);
            byte[] shown = withoutData(captured.body()).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(shown.length);
            response.getOutputStream().write(shown);
        }
    }

    /**
     * An admin, or a process on this machine talking to the server directly. A request that came
     * through a proxy (it names a forwarded client) is not trusted by its loopback address: on the
     * same machine as a proxy every client would look local.
     */
    static boolean isTrusted(String remoteAddress, boolean forwarded, boolean admin, boolean trustLoopback) {
        return admin || (trustLoopback && !forwarded && isLoopback(remoteAddress));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9A-Fa-f:.%\\[\\]]+")) {
            return false; // a literal address only: never a name to look up
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The health answer with the status of each check but none of their data. */
    static String withoutData(String health) {
        try {
            JsonObject answer = Json.createReader(new StringReader(health)).readObject();
            JsonObjectBuilder shown = Json.createObjectBuilder(answer);
            if (answer.get("checks") instanceof jakarta.json.JsonArray checks) {
                JsonArrayBuilder kept = Json.createArrayBuilder();
                checks.forEach(check -> kept.add(check instanceof JsonObject o
                        ? Json.createObjectBuilder(o).remove("data").build() : check));
                shown.add("checks", kept);
            }
            return shown.build().toString();
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            return "{\"status\":\"" + (health.contains("\"DOWN\"") ? "DOWN" : "UP") + "\"}";
        }
    }

    /** Holds the health servlet's answer so that it can be shown without its data. */
    private static final class Captured extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void flushBuffer() {
        }

        String body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
