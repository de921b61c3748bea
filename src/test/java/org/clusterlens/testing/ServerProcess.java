package org.clusterlens.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Payara Micro with ClusterLens, started as its own process so that a test can kill it the
 * hard way. Uses the run's database settings from {@link ItEnvironment}; on H2 a file of its own.
 */
public final class ServerProcess implements AutoCloseable {
    private final Path root;
    private final int port;
    private final List<String> extraOptions = new ArrayList<>();
    private Process process;
    private int starts;

    public ServerProcess(String name) {
        this.root = Path.of(System.getProperty("clusterlens.it.dataRoot", "target/it-data")).toAbsolutePath()
                .resolve(System.getProperty("clusterlens.it.database", "h2")).resolve(name);
        this.port = freePort();
    }

    /** A JVM option on top of the run's ({@code -Dkey=value} given here wins over the run's). */
    public ServerProcess with(String jvmOption) {
        extraOptions.add(jvmOption);
        return this;
    }

    public ServerProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty("clusterlens.it.jvm", "").split(" ")) {
            if (!option.isBlank() && !option.startsWith("-Dclusterlens.data.dir=")
                    && !(option.startsWith("-Dclusterlens.db.url=jdbc:h2:"))) {
                command.add(option);
            }
        }
        command.add("-Dclusterlens.data.dir=" + root.resolve("data"));
        command.addAll(extraOptions);
        if (!"postgresql".equals(System.getProperty("clusterlens.it.database"))) {
            command.add("-Dclusterlens.db.url=jdbc:h2:file:" + root.resolve("db/clusterlens") + ";WRITE_DELAY=0");
        }
        command.addAll(Arrays.asList("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("clusterlens.war", "target/clusterlens.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster",
                // as deployment/ launches it
                "--maxhttpthreads", "16"));
        for (String option : System.getProperty("clusterlens.it.micro", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        try {
            Files.createDirectories(root);
            File log = root.resolve("server-" + (++starts) + ".log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofMinutes(4));
        return this;
    }

    /** SIGTERM, as a service manager stops the server; SIGKILL if it has not stopped within a minute. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
            kill();
        }
    }

    /** SIGKILL: no shutdown hooks, no flushing, as when the machine loses power to the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped during start-up; see " + root
                        + "; its log ends:\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server was not ready within " + timeout + "; see " + root
                + "; its log ends:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(root.resolve("server-" + starts + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
