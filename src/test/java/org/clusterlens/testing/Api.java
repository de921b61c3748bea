package org.clusterlens.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the tests: one instance is one browser (it keeps cookies). */
public final class Api {
    private final URI base;
    private final HttpClient client;

    public Api(URL deployment) {
        // the container reports the machine's interface address; tests talk to loopback only
        String path = deployment.getPath();
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + (path.endsWith("/") ? path : path + "/"));
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path, String json) {
        return call("POST", path).json(json);
    }

    public Call put(String path, String json) {
        return call("PUT", path).json(json);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    public Call admin(Call call) {
        return call.as(ItEnvironment.ADMIN_EMAIL, ItEnvironment.ADMIN_PASSWORD);
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path.startsWith("/") ? path.substring(1) : path;
        }

        public Call as(String email, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        public Call asAdmin() {
            return as(ItEnvironment.ADMIN_EMAIL, ItEnvironment.ADMIN_PASSWORD);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
            return this;
        }

        public Call bytes(byte[] bytes, String contentType) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** A file, as the bytes it has: for downloads that are not text. */
        public HttpResponse<byte[]> download() {
            try {
                return client.send(request(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60)).method(method, body);
            headers.forEach(request::header);
            return request.build();
        }

        public Reply send() {
            try {
                HttpResponse<String> response = client.send(request(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (isTheContainersOwnPage(response)) {
                    throw new AssertionError("Not the application: " + method + " " + response.uri()
                            + " got Payara Micro's own 404 page. Either the server started for this test failed"
                            + " to deploy the WAR (then it holds the port below, and its output above has SEVERE"
                            + " and 'Exception while loading the app'), or another server holds the port.\n"
                            + Diagnostics.listenersAndServers(response.uri().getPort()));
                }
                return new Reply(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Every address under api/ belongs to the WAR, which answers even an unknown one with
     * problem+json; the container's HTML error page there means the WAR is not deployed on that port.
     */
    private static boolean isTheContainersOwnPage(HttpResponse<String> response) {
        return response.statusCode() == 404 && response.uri().getPath().contains("/api/")
                && response.body().contains("<title>Payara Micro - Error report</title>");
    }

    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
        }
    }
}
