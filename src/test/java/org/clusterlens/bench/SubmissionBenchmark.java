package org.clusterlens.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.clusterlens.studies.control.InvitationToken;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.ServerProcess;
import org.clusterlens.testing.StudyFixtures;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sustained submissions per second through HTTP → validation → JPA, against plain JDBC writing the
 * same rows, on H2 and on PostgreSQL. A main program, not a test: run it through
 * {@code src/bench/submissions.sh}, which builds it and creates and drops the PostgreSQL database.
 *
 * <p>Per database: start ClusterLens as its own process ({@code -Xmx512m}), create a study with the
 * firm diagnostic through the API, import actors by CSV and invite them, warm up, then a closed-loop
 * run at the maximum rate and an open-loop run at half of it; stop the server; then plain JDBC
 * against the same database writes the same rows, one transaction per submission.
 *
 * <p>Options ({@code --name=value}): {@code databases} (h2,postgresql), {@code work} (directory),
 * {@code war}, {@code micro}, {@code pgUrl} (an existing, empty database), {@code pgUser},
 * {@code clients} (32), {@code warmup} (seconds, 60), {@code measure} (seconds, 30),
 * {@code jdbcWarmup} (10), {@code profile} (true: JFR during the warm-up, not counted),
 * {@code registerCap} (0: all invitations in one study; n: a new study whenever a register has n actors),
 * {@code quietWait} (600: before the measured runs, wait for other processes to use less than half a
 * core, at most so many seconds in all).
 * Every loop is bounded by a deadline and by the number of invitations prepared.
 */
public final class SubmissionBenchmark {
    private static final String ANSWERS = "/submissions/firm-diagnostic-answers.json";
    private static final long MAX_INVITATIONS = 250_000;
    private static final int CSV_CHUNK = 10_000;
    private static final int HALF_RATE_LEAD_IN_SECONDS = 5;

    private final Map<String, String> options;
    private final int clients;
    private final int warmupSeconds;
    private final int measureSeconds;
    private final int jdbcWarmupSeconds;
    private final Path work;
    private final int registerCap;
    private long quietWaitLeftNanos;

    private SubmissionBenchmark(Map<String, String> options) {
        this.options = options;
        this.clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        this.warmupSeconds = Math.max(20, Integer.parseInt(options.getOrDefault("warmup", "60")));
        this.measureSeconds = Integer.parseInt(options.getOrDefault("measure", "30"));
        this.jdbcWarmupSeconds = Integer.parseInt(options.getOrDefault("jdbcWarmup", "10"));
        this.work = Path.of(options.getOrDefault("work", "target/subbench")).toAbsolutePath();
        this.registerCap = Integer.parseInt(options.getOrDefault("registerCap", "0"));
        this.quietWaitLeftNanos = Duration.ofSeconds(Integer.parseInt(options.getOrDefault("quietWait", "600"))).toNanos();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SubmissionBenchmark bench = new SubmissionBenchmark(options);
        String floor = options.containsKey("floorWar") ? bench.floor(Path.of(options.get("floorWar"))) : "";
        List<Result> results = new ArrayList<>();
        for (String database : options.getOrDefault("databases", "h2,postgresql").split(",")) {
            results.add(bench.run(database.strip()));
        }
        System.out.println(table(results));
        System.out.println(floor);
    }

    // ------------------------------------------------------------------------------------------
    // The container's floor

    /**
     * Payara Micro with a WAR that answers the same submission requests with a fixed 201 and does
     * nothing else (src/bench/floor): the rate no application on this container and machine can
     * exceed, measured with the same clients.
     */
    private String floor(Path war) throws Exception {
        log("=== floor: Payara Micro answering the same requests with a fixed 201 ===");
        try (FloorServer floor = startFloor(work.resolve("floor"), war, List.of())) {
            URI base = floor.base();
            ConcurrentLinkedQueue<Invite> requests = anyTokens(body(List.of(1L, 2L)));
            log("floor warm-up " + closedLoop(clients, warmupSeconds, requests, () -> http(base)));
            waitForQuietMachine(floor.process().pid());
            Cpu cpu = Cpu.start(floor.process().pid());
            Stats stats = closedLoop(clients, measureSeconds, requests, () -> http(base));
            String split = cpu.stop();
            log("floor: " + stats);
            return String.format(Locale.ROOT, """
                    | Payara Micro floor: the same requests answered with a fixed 201, nothing parsed or stored | |
                    |---|---|
                    | max rate, %d closed-loop clients (requests/s) | %s |
                    | … latency p50 / p95 / p99 / max (ms) | %s |
                    | … failed requests / ran out of requests | %d / %s |

                    - floor, cpu during the run: %s
                    """, clients, fmt(stats.rate()), lat(stats, true), stats.failed(), stats.exhausted() ? "yes" : "no", split);
        }
    }

    /** Requests for a server that stores nothing: more than it can answer in a run. */
    private static ConcurrentLinkedQueue<Invite> anyTokens(String body) {
        ConcurrentLinkedQueue<Invite> requests = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 1_500_000; i++) {
            requests.add(new Invite("t" + i, body));
        }
        return requests;
    }

    record FloorServer(Process process, URI base) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Payara Micro with the floor WAR on a free loopback port; {@code properties} are -D options. */
    private FloorServer startFloor(Path root, Path war, List<String> properties) throws Exception {
        Files.createDirectories(root.resolve("tmp"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + root.resolve("tmp")));
        // e.g. a JFR recording of the floor servers: --floorJvm="-XX:StartFlightRecording=…"
        if (options.containsKey("floorJvm")) {
            command.addAll(List.of(options.get("floorJvm").split(" ")));
        }
        command.addAll(properties);
        // the same worker-thread cap as the ClusterLens server (ServerProcess) and deployment/
        command.addAll(List.of("-jar", required("micro"), "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster", "--maxhttpthreads", "16"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("server.log").toFile()).start();
        FloorServer server = new FloorServer(process, URI.create("http://127.0.0.1:" + port + "/"));
        Invite probe = new Invite("probe", "{}");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!answers(server.base(), probe)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                server.close();
                throw new IllegalStateException("the floor server did not answer; see " + root.resolve("server.log"));
            }
            Thread.sleep(250);
        }
        return server;
    }

    /** Up when the WAR answers 201: until it is deployed, Payara answers 404. */
    private static boolean answers(URI base, Invite probe) {
        try {
            return new BareHttpClient(base).submit(probe);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------
    // One database

    record Result(String database, Stats clMax, Stats clHalf, double halfTarget, Stats jdbc, int registerSize,
                  double heapMaxMiB, double heapMaxHalfMiB, double heapAfterGcMaxMiB, double rssMaxMiB,
                  int gcCount, double gcPauseMs, Map<String, String> notes) {
    }

    private Result run(String database) throws Exception {
        log("=== " + database + " ===");
        Path root = work.resolve(database).resolve("server");
        System.setProperty("clusterlens.it.database", database);
        System.setProperty("clusterlens.it.dataRoot", work.toString());
        System.setProperty("payara.microJar", required("micro"));
        System.setProperty("clusterlens.war", required("war"));
        Files.createDirectories(root.resolve("tmp"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m",
                "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-Xlog:gc:file=" + root.resolve("gc.log") + ":uptime",
                // JFR keeps 64 frames by default; Payara's request stacks are deeper than that
                "-XX:FlightRecorderOptions:stackdepth=512",
                "-Dclusterlens.admin.email=" + ItEnvironment.ADMIN_EMAIL,
                "-Dclusterlens.admin.password=" + ItEnvironment.ADMIN_PASSWORD));
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        if (database.equals("postgresql")) {
            jdbcUrl = required("pgUrl");
            jdbcUser = options.getOrDefault("pgUser", "postgres");
            jdbcPassword = "";
            jvm.add("-Dclusterlens.db.datasource=org.postgresql.ds.PGSimpleDataSource");
            jvm.add("-Dclusterlens.db.url=" + jdbcUrl);
            jvm.add("-Dclusterlens.db.user=" + jdbcUser);
        } else {
            // ServerProcess puts H2 at <root>/db/clusterlens with WRITE_DELAY=0, as the app's default URL
            jdbcUrl = "jdbc:h2:file:" + root.resolve("db/clusterlens") + ";WRITE_DELAY=0";
            jdbcUser = "clusterlens";
            jdbcPassword = "clusterlens";
        }
        System.setProperty("clusterlens.it.jvm", String.join(" ", jvm));
        Map<String, String> notes = new LinkedHashMap<>();

        Stats clMax;
        Stats clHalf;
        double halfRate;
        int registerSize;
        HeapSampler heap;
        try (ServerProcess server = new ServerProcess("server")) {
            long started = System.nanoTime();
            server.start();
            long pid = serverPid();
            log("server pid " + pid + " ready in " + (System.nanoTime() - started) / 1_000_000 + " ms at " + server.url());
            Api api = new Api(server.url());
            URI base = api.base();
            Register study = new Register(api, database, registerCap);
            study.add(2_000);
            check(base, study.tokens.poll());
            heap = new HeapSampler(base, pid);
            heap.start();

            // a short closed-loop run tells how many invitations the runs need
            heap.phase("warm-up");
            Stats calibration = closedLoop(clients, 8, study.tokens, () -> http(base));
            log("calibration: " + calibration);
            // the calibration runs cold (before the JIT has warmed up), often on a busy machine: a wide margin
            long needed = (long) Math.ceil(calibration.rate() * (warmupSeconds + measureSeconds * 1.5 + 10) * 2.5) + 1_000;
            needed = Math.min(needed, MAX_INVITATIONS);
            if (needed > study.tokens.size()) {
                study.add((int) (needed - study.tokens.size()));
            }
            registerSize = study.largest();
            notes.put("studies", study.studies + " (each register at most " + (registerCap == 0 ? "unlimited" : registerCap)
                    + " actors; the largest has " + registerSize + ")");
            log("registers: " + study.studies + " studies, largest " + registerSize + " actors; "
                    + study.tokens.size() + " unused invitations");

            long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
            Path jfr = root.resolve("warmup.jfr");
            boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "true"));
            Stats warm1 = closedLoop(clients, Math.max(1, warmupSeconds - 15), study.tokens, () -> http(base));
            if (profile) {
                jcmd(pid, "JFR.start", "name=subbench", "settings=profile", "filename=" + jfr);
            }
            Stats warm2 = closedLoop(clients, (int) Math.max(1, (warmupEnd - System.nanoTime()) / 1_000_000_000L),
                    study.tokens, () -> http(base));
            if (profile) {
                jcmd(pid, "JFR.stop", "name=subbench");
            }
            log("warm-up: " + warm1 + " / " + warm2);
            // the calibration ran cold; the warmed-up rate says what the two measured runs need
            long measuredNeed = (long) Math.ceil(warm2.rate() * measureSeconds * 1.5 * 2) + 2_000;
            if (measuredNeed > study.tokens.size()) {
                study.add((int) Math.min(MAX_INVITATIONS, measuredNeed - study.tokens.size()));
                registerSize = study.largest();
                notes.put("studies", study.studies + " (each register at most " + (registerCap == 0 ? "unlimited" : registerCap)
                        + " actors; the largest has " + registerSize + ")");
                log("topped up to " + study.tokens.size() + " unused invitations");
            }

            waitForQuietMachine(pid);
            Cpu cpu = Cpu.start(pid);
            PgStats pg = database.equals("postgresql") ? PgStats.read(jdbcUrl, jdbcUser) : null;
            heap.phase("max");
            clMax = closedLoop(clients, measureSeconds, study.tokens, () -> http(base));
            notes.put("cpu during max-rate run", cpu.stop());
            if (pg != null) {
                notes.put("PostgreSQL per submission (max-rate run)", PgStats.read(jdbcUrl, jdbcUser).perSubmission(pg, clMax.ok()));
            }
            log("ClusterLens max: " + clMax);

            halfRate = clMax.rate() / 2;
            heap.phase("half");
            cpu = Cpu.start(pid);
            // a few seconds at the new rate first, not counted: the half-rate figures describe that
            // rate held steadily, not the server still draining the saturated run before it
            log("half-rate lead-in " + openLoop(clients, halfRate, HALF_RATE_LEAD_IN_SECONDS, study.tokens, () -> http(base)));
            clHalf = openLoop(clients, halfRate, measureSeconds, study.tokens, () -> http(base));
            notes.put("cpu during half-rate run", cpu.stop());
            log("ClusterLens half rate (" + fmt(halfRate) + "/s): " + clHalf);
            heap.stop();
            if (profile) {
                notes.put("JFR (warm-up, http worker threads)", Profile.summarize(jfr));
            }
            notes.put("http worker threads", String.valueOf(workerThreads(pid)));
            stopGracefully(pid);
        }
        double[] gc = gcLog(root.resolve("gc.log"));
        log("heap max " + fmt(heap.max("max")) + " / " + fmt(heap.max("half")) + " MiB, after GC max " + fmt(gc[0])
                + " MiB, RSS max " + fmt(heap.rssMax) + " MiB");

        Stats jdbc = jdbcBaseline(database, jdbcUrl, jdbcUser, jdbcPassword, notes);
        notes.put("GC over the server's life (-Xlog:gc)", String.format(Locale.ROOT, "%d pauses, %.0f ms in all;"
                + " heap after a young/mixed pause up to %.0f MiB; %d full collections%s", (int) gc[1], gc[2], gc[0],
                (int) gc[3], gc[3] > 0 ? String.format(Locale.ROOT, " (heap full; live set after them at most %.0f MiB)", gc[4]) : ""));
        return new Result(database, clMax, clHalf, halfRate, jdbc, registerSize, heap.max("max"), heap.max("half"),
                gc[0], heap.rssMax, (int) gc[3], gc[2], notes);
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=… is required");
        }
        return value;
    }

    /** The interview of the test resources, its links pointing at two actors of this register. */
    private static String body(List<Long> linked) throws IOException {
        JsonObject full;
        try (InputStream in = SubmissionBenchmark.class.getResourceAsStream(ANSWERS); var reader = Json.createReader(in)) {
            full = reader.readObject();
        }
        JsonArray links = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("actor", linked.get(0))
                        .add("relations", Json.createArrayBuilder().add("buys_from").add("exchanges_advice")))
                .add(Json.createObjectBuilder().add("actor", linked.get(1))
                        .add("relations", Json.createArrayBuilder().add("sells_to")))
                .build();
        JsonObject answers = Json.createObjectBuilder(full).add("firm_linkages", links).build();
        long free = answers.values().stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING).count();
        log("interview: " + answers.size() + " answers (" + free + " of them strings), " + answers.toString().length() + " characters");
        return "{\"submissionId\": \"%s\", \"language\": \"fr\", \"answers\": " + answers + "}";
    }

    private static void check(URI base, Invite invite) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> reply = client.send(submission(base, invite), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("the interview is not accepted: " + reply.statusCode() + " " + reply.body());
        }
    }

    private static HttpRequest submission(URI base, Invite invite) {
        return HttpRequest.newBuilder(base.resolve("api/respond/" + invite.token() + "/submission"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(invite.body().formatted(UUID.randomUUID()), StandardCharsets.UTF_8))
                .build();
    }

    /** An invitation's token and the body to submit through it (its study's linkage targets). */
    record Invite(String token, String body) {
    }

    /** One client: its own keep-alive connection. */
    private static Submitter<Invite> http(URI base) {
        return new BareHttpClient(base);
    }

    /**
     * HTTP/1.1 over one keep-alive socket, doing only what a submission needs: POST a body, read
     * the status, skip the response by Content-Length or chunks. java.net.http's client cost the
     * load generator about 0.9 ms of CPU per request, a third of a core taken from the server on
     * this two-core machine; this one costs a few tens of microseconds.
     */
    private static final class BareHttpClient implements Submitter<Invite> {
        private final String host;
        private final int port;
        private final String prefix;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        BareHttpClient(URI base) {
            host = base.getHost();
            port = base.getPort();
            prefix = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        }

        @Override
        public boolean submit(Invite invite) throws IOException {
            byte[] body = invite.body().formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + prefix + "api/respond/" + invite.token() + "/submission HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                if (socket == null) {
                    socket = new Socket(host, port);
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
                }
                out.write(head);
                out.write(body);
                out.flush();
                String status = line();
                int code = Integer.parseInt(status.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).strip());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                         size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                        in.skipNBytes(size);
                        line();
                    }
                    while (!line().isEmpty()) {
                        // trailers
                    }
                } else if (length > 0) {
                    in.skipNBytes(length);
                }
                if (close) {
                    disconnect();
                }
                if (code != 201) {
                    // counted by status, so that a failed run says how it failed
                    throw new IllegalStateException("HTTP " + code);
                }
                return true;
            } catch (IOException | RuntimeException e) {
                disconnect();
                throw e;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void disconnect() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }

    /**
     * Studies with the firm diagnostic, their registers and the unused invitations. A new study is
     * started when the current register reaches {@code cap} actors (0: one study for everything).
     */
    private static final class Register {
        final Api api;
        final StudyFixtures fixtures;
        final String database;
        final int cap;
        final ConcurrentLinkedQueue<Invite> tokens = new ConcurrentLinkedQueue<>();
        final List<Integer> sizes = new ArrayList<>();
        StudyFixtures.Ready ready;
        String body;
        int size;
        int studies;
        int next;
        int chunks;

        Register(Api api, String database, int cap) {
            this.api = api;
            this.fixtures = new StudyFixtures(api);
            this.database = database;
            this.cap = cap;
        }

        int largest() {
            return Math.max(size, sizes.stream().mapToInt(Integer::intValue).max().orElse(0));
        }

        /** Imports {@code count} firms by CSV and invites them, {@value #CSV_CHUNK} at a time. */
        void add(int count) throws IOException {
            while (count > 0) {
                if (ready == null || (cap > 0 && size >= cap)) {
                    if (ready != null) {
                        sizes.add(size);
                    }
                    ready = fixtures.study("Submission benchmark " + database + " " + (++studies), "fr");
                    size = 0;
                    // two firms that every interview names in firm_linkages; their own links are not used
                    List<Invite> linked = chunk(2, null);
                    body = body(linked.stream().map(i -> Long.parseLong(i.body())).toList());
                }
                int n = Math.min(count, CSV_CHUNK);
                if (cap > 0) {
                    n = Math.min(n, cap - size);
                }
                for (Invite invite : chunk(n, body)) {
                    tokens.add(invite);
                }
                count -= n;
            }
        }

        /** Invitations of {@code n} new firms: with the body, or with the actor id in its place. */
        private List<Invite> chunk(int n, String withBody) {
            String tag = "k" + (chunks++) + "x";
            StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
            for (int i = 0; i < n; i++) {
                int id = next++;
                csv.append('F').append(id).append(",Entreprise ").append(tag).append(id)
                        .append(" SARL,firm,food_processing,small,Thiès,,\r\n");
            }
            Api.Reply imported = fixtures.importActors(ready.studyId(), csv.toString());
            if (imported.status() != 200) {
                throw new IllegalStateException(imported.toString());
            }
            size += n;
            Api.Reply found = api.get("api/studies/" + ready.studyId() + "/actors?q=" + tag).asAdmin().send();
            String ids = found.array().getValuesAs(JsonObject.class).stream()
                    .map(a -> String.valueOf(a.getJsonNumber("id").longValue())).collect(Collectors.joining(","));
            Api.Reply invited = api.post(ready.wavePath() + "/invitations",
                    "{\"actorIds\": [" + ids + "], \"send\": false}").asAdmin().send();
            if (invited.status() != 200) {
                throw new IllegalStateException(invited.toString().substring(0, 500));
            }
            List<Invite> out = new ArrayList<>();
            for (JsonObject i : invited.array().getValuesAs(JsonObject.class)) {
                if (i.containsKey("link") && !i.isNull("link")) {
                    out.add(new Invite(StudyFixtures.token(i.getString("link")),
                            withBody != null ? withBody : String.valueOf(i.getJsonNumber("actorId").longValue())));
                }
            }
            if (out.size() != n) {
                throw new IllegalStateException("expected " + n + " new invitations, got " + out.size());
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Load

    @FunctionalInterface
    interface Submitter<T> {
        /** One submission; true if it was stored. */
        boolean submit(T token) throws Exception;
    }

    record Stats(long ok, long failed, double seconds, long p50, long p95, long p99, long max, boolean exhausted,
                 double offeredRate) {
        double rate() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ok, %d failed in %.1f s = %.1f/s; p50 %.1f p95 %.1f p99 %.1f max %.1f ms%s",
                    ok, failed, seconds, rate(), ms(p50), ms(p95), ms(p99), ms(max), exhausted ? " (RAN OUT OF INVITATIONS)" : "");
        }
    }

    /** One client's latencies, kept apart from the others' until the end. */
    private static final class Latencies {
        long[] values = new long[1 << 14];
        int n;

        void add(long nanos) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = nanos;
        }
    }

    private static final class Recorder {
        final List<long[]> latencies = new ArrayList<>();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, Long> errors = new ConcurrentHashMap<>();
        volatile boolean exhausted;
        final AtomicLong lastEnd = new AtomicLong();

        synchronized void add(Latencies client) {
            latencies.add(Arrays.copyOf(client.values, client.n));
        }

        void end(long t) {
            lastEnd.accumulateAndGet(t, Math::max);
        }

        Stats stats(long start, double offered) {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (!errors.isEmpty()) {
                log("  errors: " + errors);
            }
            double seconds = (lastEnd.get() - start) / 1e9;
            return new Stats(ok.get(), failed.get(), seconds, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1], exhausted, offered);
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
    }

    /** {@code clients} threads, each sending its next submission when the previous one is answered. */
    static <T> Stats closedLoop(int clients, int seconds, ConcurrentLinkedQueue<T> tokens, Supplier<Submitter<T>> factory)
            throws InterruptedException {
        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Submitter<T> submitter = factory.get();
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                Latencies latencies = new Latencies();
                while (System.nanoTime() < deadline) {
                    T token = tokens.poll();
                    if (token == null) {
                        recorder.exhausted = true;
                        break;
                    }
                    long t0 = System.nanoTime();
                    boolean stored = attempt(submitter, token, recorder);
                    long t1 = System.nanoTime();
                    recorder.end(t1);
                    if (stored) {
                        latencies.add(t1 - t0);
                    }
                }
                recorder.add(latencies);
            }));
        }
        join(threads, deadline);
        return recorder.stats(start, 0);
    }

    /**
     * Sends at fixed intervals, whatever the answers do: submission i is due at start + i/rate and
     * goes out on the next free client; its latency counts from when it was due, so that a stalled
     * server is not hidden by clients that wait for it (no coordinated omission).
     */
    static <T> Stats openLoop(int clients, double rate, int seconds, ConcurrentLinkedQueue<T> tokens,
                              Supplier<Submitter<T>> factory) throws InterruptedException {
        Recorder recorder = new Recorder();
        long total = (long) (rate * seconds);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Submitter<T> submitter = factory.get();
            threads.add(Thread.ofPlatform().name("paced-" + c).start(() -> {
                Latencies latencies = new Latencies();
                while (true) {
                    long i = next.getAndIncrement();
                    long due = start + (long) (i * interval);
                    if (i >= total || due > deadline + 5_000_000_000L) {
                        break;
                    }
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    T token = tokens.poll();
                    if (token == null) {
                        recorder.exhausted = true;
                        break;
                    }
                    boolean stored = attempt(submitter, token, recorder);
                    long t1 = System.nanoTime();
                    recorder.end(t1);
                    if (stored) {
                        latencies.add(t1 - due);
                    }
                }
                recorder.add(latencies);
            }));
        }
        join(threads, deadline + 5_000_000_000L);
        return recorder.stats(start, rate);
    }

    private static <T> boolean attempt(Submitter<T> submitter, T token, Recorder recorder) {
        try {
            if (submitter.submit(token)) {
                recorder.ok.incrementAndGet();
                return true;
            }
            recorder.errors.merge("not stored", 1L, Long::sum);
        } catch (Exception e) {
            recorder.errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
        }
        recorder.failed.incrementAndGet();
        return false;
    }

    private static void join(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 120_000);
            t.join(left);
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not finish within 2 minutes of the deadline");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Plain JDBC baseline

    /** {@link JdbcSubmission} in this process, one connection per client thread. */
    private Stats jdbcBaseline(String database, String url, String user, String password, Map<String, String> notes)
            throws Exception {
        log("plain JDBC on " + database);
        long studyId;
        long waveId;
        long templateVersionId;
        String answers;
        String language;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT study_id, wave_id, template_version_id, answers, language,"
                    + " (SELECT COUNT(*) FROM response WHERE status = 'SUBMITTED'), (SELECT COUNT(*) FROM outbox)"
                    + " FROM response WHERE status = 'SUBMITTED' ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
                r.next();
                studyId = r.getLong(1);
                waveId = r.getLong(2);
                templateVersionId = r.getLong(3);
                answers = r.getString(4);
                language = r.getString(5);
                notes.put("rows the server committed", r.getLong(6) + " submitted responses, " + r.getLong(7) + " outbox rows");
            }
        }
        log("the answers JSON the server stored: " + answers.length() + " characters");
        JdbcInvitations invitations = new JdbcInvitations(url, user, password, studyId, waveId);
        invitations.add(5_000);
        boolean postgresql = database.equals("postgresql");
        JdbcSubmission.Shared shared = new JdbcSubmission.Shared(studyId, waveId, templateVersionId, answers, language,
                new JdbcSubmission.Sequence("response_seq", 50, postgresql),
                new JdbcSubmission.Sequence("outbox_seq", 50, postgresql));
        // separate connections, each used by one client thread: a pool of 32 that is never short
        Supplier<Submitter<String>> factory = () -> {
            try {
                JdbcSubmission submission = new JdbcSubmission(DriverManager.getConnection(url, user, password), shared);
                return token -> submission.submit(InvitationToken.hashOf(token));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        Stats calibration = closedLoop(clients, 5, invitations.tokens, factory);
        log("JDBC calibration: " + calibration);
        long needed = (long) Math.ceil(calibration.rate() * (jdbcWarmupSeconds + measureSeconds) * 1.6) + 1_000;
        // generous: the calibration may have run on a busy machine
        needed = Math.max(needed * 2, 30_000L);
        invitations.add((int) Math.min(MAX_INVITATIONS, Math.max(0, needed - invitations.tokens.size())));
        log("JDBC warm-up " + closedLoop(clients, jdbcWarmupSeconds, invitations.tokens, factory));
        waitForQuietMachine(-1);
        Cpu cpu = Cpu.start(-1);
        Stats stats = closedLoop(clients, measureSeconds, invitations.tokens, factory);
        notes.put("cpu during JDBC run", cpu.stop());
        log("JDBC: " + stats);
        if (postgresql && options.containsKey("floorWar")) {
            behindHttp("plain JDBC behind HTTP on bare Payara Micro (floor WAR, same clients and body)",
                    Path.of(options.get("floorWar")), List.of(), true, url, user, password, invitations, shared, stats, notes);
        }
        if (postgresql && options.containsKey("floorJpaWar")) {
            for (String store : options.getOrDefault("floorJpaStores", "cdi").split(",")) {
                behindHttp("the mandated stack with no application code, floor-jpa WAR, store " + store
                                + " (same clients and body)", Path.of(options.get("floorJpaWar")), List.of("-Dfloor.store=" + store),
                        !store.equals("none"), url, user, password, invitations, shared, stats, notes);
            }
        }
        return stats;
    }

    /**
     * The same rows again, each submission now a request to a Payara Micro running one of the floor
     * WARs: the plain-JDBC transaction (src/bench/floor in its JDBC mode) or JAX-RS + JPA with no
     * application code (src/bench/floor-jpa). What the container, and then the mandated stack, take
     * from the plain-JDBC rate on this machine before any ClusterLens code runs. The token's hash is
     * the path segment, so the server hashes nothing; {@code writes} false: a server that stores
     * nothing, which any token will do for.
     */
    private void behindHttp(String label, Path war, List<String> jvmOptions, boolean writes, String url, String user,
                            String password, JdbcInvitations invitations, JdbcSubmission.Shared shared, Stats inProcess,
                            Map<String, String> notes) throws Exception {
        log(label);
        String body = body(List.of(1L, 2L));
        ConcurrentLinkedQueue<Invite> requests;
        if (!writes) {
            // any token will do, and it answers faster than invitations are written
            requests = anyTokens(body);
        } else {
            requests = new ConcurrentLinkedQueue<>();
            long needed = (long) Math.ceil(inProcess.rate() * (warmupSeconds + measureSeconds) * 1.2) + 1_000;
            invitations.add((int) Math.min(MAX_INVITATIONS, Math.max(0, needed - invitations.tokens.size())));
            for (String token; (token = invitations.tokens.poll()) != null; ) {
                requests.add(new Invite(InvitationToken.hashOf(token), body));
            }
        }
        List<String> properties = new ArrayList<>(jvmOptions);
        properties.addAll(List.of("-Dfloor.jdbc.url=" + url, "-Dfloor.jdbc.user=" + user,
                "-Dfloor.jdbc.password=" + (password == null ? "" : password), "-Dfloor.jdbc.study=" + shared.studyId(),
                "-Dfloor.jdbc.wave=" + shared.waveId(), "-Dfloor.jdbc.templateVersion=" + shared.templateVersionId(),
                "-Dfloor.jdbc.language=" + shared.language(), "-Dfloor.jdbc.answers=" + shared.answers()));
        try (FloorServer server = startFloor(work.resolve(war.getFileName() + String.join("", jvmOptions)), war, properties)) {
            log("behind HTTP warm-up " + closedLoop(clients, warmupSeconds, requests, () -> http(server.base())));
            waitForQuietMachine(server.process().pid());
            Cpu cpu = Cpu.start(server.process().pid());
            Stats stats = closedLoop(clients, measureSeconds, requests, () -> http(server.base()));
            String split = cpu.stop();
            log("behind HTTP: " + stats);
            notes.put(label, String.format(Locale.ROOT,
                    "%s submissions/s = %.0f %% of the in-process JDBC rate; latency p50 / p95 / p99 / max %s ms;"
                            + " failed %d%s; cpu: %s", fmt(stats.rate()), 100 * stats.rate() / inProcess.rate(),
                    lat(stats, true), stats.failed(), stats.exhausted() ? ", RAN OUT OF INVITATIONS" : "", split));
        }
    }

    private static long value(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Firms and invitations for the JDBC baseline, in the same study and wave, written beforehand. */
    private static final class JdbcInvitations {
        final String url;
        final String user;
        final String password;
        final long studyId;
        final long waveId;
        final ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();

        JdbcInvitations(String url, String user, String password, long studyId, long waveId) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.studyId = studyId;
            this.waveId = waveId;
        }

        void add(int count) throws SQLException {
            if (count <= 0) {
                return;
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(false);
                long actor = value(c, "SELECT COALESCE(MAX(id), 0) + 1000 FROM actor");
                long invitation = value(c, "SELECT COALESCE(MAX(id), 0) + 1000 FROM invitation");
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement a = c.prepareStatement("INSERT INTO actor (id, study_id, external_id, name, type,"
                        + " sector, size_band, location, created_at, updated_at, row_version)"
                        + " VALUES (?, ?, ?, ?, 'firm', 'food_processing', 'small', 'Thiès', ?, ?, 1)");
                     PreparedStatement i = c.prepareStatement("INSERT INTO invitation (id, wave_id, actor_id, token_hash,"
                             + " status, created_at, row_version) VALUES (?, ?, ?, ?, 'NOT_OPENED', ?, 1)")) {
                    for (int n = 0; n < count; n++) {
                        long actorId = actor + n;
                        String token = InvitationToken.generate().value();
                        a.setLong(1, actorId);
                        a.setLong(2, studyId);
                        a.setString(3, "J" + actorId);
                        a.setString(4, "Entreprise J" + actorId + " SARL");
                        a.setObject(5, now);
                        a.setObject(6, now);
                        a.addBatch();
                        i.setLong(1, invitation + n);
                        i.setLong(2, waveId);
                        i.setLong(3, actorId);
                        i.setString(4, InvitationToken.hashOf(token));
                        i.setObject(5, now);
                        i.addBatch();
                        tokens.add(token);
                        if (n % 1000 == 999 || n == count - 1) {
                            a.executeBatch();
                            i.executeBatch();
                        }
                    }
                }
                c.commit();
            }
            log("JDBC: " + count + " firms and invitations written for the baseline");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Server process: heap, CPU, GC log, profile

    private static long serverPid() {
        return BenchServer.pid();
    }

    private static void stopGracefully(long pid) throws InterruptedException {
        log(BenchServer.stopGracefully(pid) ? "server stopped" : "server did not stop within 60 s; killing it");
    }

    /** Samples the server's used heap (MicroProfile Metrics) and its resident set (/proc) once a second. */
    private static final class HeapSampler {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final URI metrics;
        final long pid;
        final Map<String, Double> maxima = new ConcurrentHashMap<>();
        volatile String phase = "start";
        volatile boolean running = true;
        volatile double rssMax;
        Thread thread;
        volatile boolean warned;

        HeapSampler(URI base, long pid) {
            this.metrics = base.resolve("metrics?scope=base");
            this.pid = pid;
        }

        void phase(String p) {
            phase = p;
        }

        double max(String p) {
            return maxima.getOrDefault(p, Double.NaN);
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                long until = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (running && System.nanoTime() < until) {
                    sample();
                    LockSupport.parkNanos(1_000_000_000L);
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        private void sample() {
            try {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5))
                        .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
                for (String line : reply.body().split("\n")) {
                    if (!line.startsWith("#") && line.contains("usedHeap")) {
                        double mib = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1024 * 1024);
                        maxima.merge(phase, mib, Math::max);
                    }
                }
            } catch (Exception e) {
                if (!warned) {
                    warned = true;
                    log("heap sample failed: " + e);
                }
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssMax = Math.max(rssMax, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }
    }

    /**
     * From -Xlog:gc: [max heap after a young or mixed pause (MiB), number of pauses, total pause (ms),
     * number of full collections, max heap after a full collection (MiB: the live set then)].
     */
    private static double[] gcLog(Path file) throws IOException {
        double afterMax = 0;
        int count = 0;
        double pause = 0;
        int full = 0;
        double afterFull = 0;
        var pattern = java.util.regex.Pattern.compile("Pause (\\w+).*?\\d+M->(\\d+)M\\(\\d+M\\) ([\\d.]+)ms");
        for (String line : Files.readAllLines(file)) {
            var m = pattern.matcher(line);
            if (m.find()) {
                double after = Double.parseDouble(m.group(2));
                count++;
                pause += Double.parseDouble(m.group(3));
                if (m.group(1).equals("Full")) {
                    full++;
                    afterFull = Math.max(afterFull, after);
                } else if (m.group(1).equals("Young")) {
                    afterMax = Math.max(afterMax, after);
                }
            }
        }
        return new double[] {afterMax, count, pause, full, afterFull};
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static long workerThreads(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "Thread.print").lines().filter(l -> l.startsWith("\"http-thread-pool")).count();
    }

    /** CPU time of the server, of this JVM and of the machine over an interval, in cores. */
    private record Cpu(long pid, long t0, long server0, long self0, long[] machine0, long postgres0, long jit0) {
        static Cpu start(long pid) {
            return new Cpu(pid, System.nanoTime(), jiffies(pid), jiffies(ProcessHandle.current().pid()), machine(),
                    postgres(), jit(pid));
        }

        /** CPU of the server's JIT compiler threads: still compiling means not yet in a steady state. */
        static long jit(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                return tasks.filter(t -> {
                    try {
                        return Files.readString(t.resolve("comm")).contains("CompilerThre");
                    } catch (IOException e) {
                        return false;
                    }
                }).mapToLong(t -> jiffies(t.resolve("stat"))).sum();
            } catch (IOException e) {
                return 0;
            }
        }

        String stop() {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] m = machine();
            double busy = (m[0] - machine0[0]) / (double) (m[1] - machine0[1]) * Runtime.getRuntime().availableProcessors();
            double server = pid > 0 ? (jiffies(pid) - server0) / 100.0 / seconds : 0;
            double compiling = pid > 0 ? (jit(pid) - jit0) / 100.0 / seconds : 0;
            double self = (jiffies(ProcessHandle.current().pid()) - self0) / 100.0 / seconds;
            double pg = (postgres() - postgres0) / 100.0 / seconds;
            double others = busy - server - self - pg;
            String load;
            try {
                load = String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
            } catch (IOException e) {
                load = "?";
            }
            return String.format(Locale.ROOT, "machine %.2f of %d cores busy: server %.2f (of which its JIT compiler"
                            + " threads %.2f), this program%s %.2f, postgres processes %.2f, other processes %.2f;"
                            + " load average at the end %s", busy,
                    Runtime.getRuntime().availableProcessors(), server, compiling,
                    pid > 0 ? " (load generator)" : " (JDBC clients; on H2 the database too)", self, pg, others, load);
        }

        static long jiffies(long pid) {
            return jiffies(Path.of("/proc/" + pid + "/stat"));
        }

        /** User plus system time of a process or thread, from its {@code stat} file. */
        static long jiffies(Path statFile) {
            try {
                String stat = Files.readString(statFile);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
                return new long[] {busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5])};
            } catch (IOException e) {
                return new long[] {0, 1};
            }
        }

        static long postgres() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false)
                            || comm(p.pid()).equals("postgres"))
                    .mapToLong(p -> jiffies(p.pid())).sum();
        }

        static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
            } catch (IOException e) {
                return "";
            }
        }
    }

    /**
     * Waits until processes other than the server and this program use less than half a core; all
     * the waits of a run together take at most {@code quietWait} seconds.
     */
    private void waitForQuietMachine(long serverPid) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + quietWaitLeftNanos;
        try {
            awaitQuiet(serverPid, deadline);
        } finally {
            quietWaitLeftNanos = Math.max(0, quietWaitLeftNanos - (System.nanoTime() - begin));
        }
    }

    private void awaitQuiet(long serverPid, long deadline) throws InterruptedException {
        boolean told = false;
        while (true) {
            long[] m0 = Cpu.machine();
            long s0 = serverPid > 0 ? Cpu.jiffies(serverPid) : 0;
            long own0 = Cpu.jiffies(ProcessHandle.current().pid());
            Thread.sleep(3_000);
            long[] m1 = Cpu.machine();
            double cores = ((m1[0] - m0[0]) - (serverPid > 0 ? Cpu.jiffies(serverPid) - s0 : 0)
                    - (Cpu.jiffies(ProcessHandle.current().pid()) - own0))
                    / (double) (m1[1] - m0[1]) * Runtime.getRuntime().availableProcessors();
            if (cores < 0.5) {
                return;
            }
            if (!told) {
                log(String.format(Locale.ROOT, "other processes use %.2f cores; waiting for a quieter machine (%d s at most)",
                        cores, Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L)));
                told = true;
            }
            if (System.nanoTime() > deadline) {
                log(String.format(Locale.ROOT, "still %.2f cores busy elsewhere; measuring anyway", cores));
                return;
            }
        }
    }

    /** Cumulative PostgreSQL counters of the benchmark's database. */
    private record PgStats(long commits, long returned, long fetched, long inserted, long updated) {
        static PgStats read(String url, String user) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet r = s.executeQuery("SELECT xact_commit, tup_returned, tup_fetched, tup_inserted, tup_updated"
                        + " FROM pg_stat_database WHERE datname = current_database()")) {
                    r.next();
                    return new PgStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
                }
            }
        }

        String perSubmission(PgStats before, long submissions) {
            double n = Math.max(1, submissions);
            return String.format(Locale.ROOT, "%.2f commits, %.0f rows scanned (tup_returned), %.1f rows fetched,"
                            + " %.2f inserted, %.2f updated", (commits - before.commits) / n,
                    (returned - before.returned) / n, (fetched - before.fetched) / n, (inserted - before.inserted) / n,
                    (updated - before.updated) / n);
        }
    }

    /** Where the server's worker threads spend CPU, from JFR execution samples. */
    private static final class Profile {
        private static final Map<String, String> MARKERS = new LinkedHashMap<>();

        static {
            MARKERS.put("request body parsed (RespondResource.object)", "RespondResource.object");
            MARKERS.put("invitation SELECT … FOR UPDATE (Respondents.invitation)", "Respondents.invitation");
            MARKERS.put("response lookup (Respondents.response)", "Respondents.response");
            MARKERS.put("whole register loaded (ActorRegister.all)", "ActorRegister.all");
            MARKERS.put("template JSON parsed (Templates.document)", "Templates.document");
            MARKERS.put("template model built (TemplateModel.from)", "TemplateModel.from");
            MARKERS.put("validation (SubmissionValidator.validate)", "SubmissionValidator.validate");
            MARKERS.put("flush (EntityManager.flush)", "EntityManagerWrapper.flush");
            MARKERS.put("commit (JTA commit)", "JavaEETransactionManagerSimplified.commit");
            MARKERS.put("JSON-P provider lookup (JsonProvider.provider)", "JsonProvider.provider");
            MARKERS.put("any EclipseLink frame", "org.eclipse.persistence.");
            MARKERS.put("any JDBC driver frame", "@driver");
            MARKERS.put("any JSON-P/JSON-B frame", "@json");
        }

        static String summarize(Path jfr) {
            if (!Files.exists(jfr)) {
                return "no recording";
            }
            Map<String, Long> hits = new LinkedHashMap<>();
            MARKERS.keySet().forEach(k -> hits.put(k, 0L));
            Map<String, Long> top = new TreeMap<>();
            Map<String, Long> app = new TreeMap<>();
            long total = 0;
            long all = 0;
            try (RecordingFile file = new RecordingFile(jfr)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                        continue;
                    }
                    all++;
                    String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
                    if (thread == null || !thread.startsWith("http-thread-pool")) {
                        continue;
                    }
                    total++;
                    List<String> frames = e.getStackTrace().getFrames().stream().map(Profile::name).toList();
                    for (var marker : MARKERS.entrySet()) {
                        if (frames.stream().anyMatch(f -> matches(f, marker.getValue()))) {
                            hits.merge(marker.getKey(), 1L, Long::sum);
                        }
                    }
                    if (!frames.isEmpty()) {
                        top.merge(frames.get(0), 1L, Long::sum);
                    }
                    app.merge(frames.stream().filter(f -> f.startsWith("org.clusterlens.")).findFirst()
                            .map(f -> f.substring("org.clusterlens.".length())).orElse("(no ClusterLens frame)"), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t = Math.max(1, total);
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%d samples on http-thread-pool threads (%d on all threads); inclusive shares:", total, all));
            hits.forEach((k, v) -> out.append(String.format(Locale.ROOT, " %s %.0f %%;", k, 100.0 * v / t)));
            out.append(" innermost ClusterLens method on the stack:");
            app.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(en -> out.append(String.format(Locale.ROOT, " %s %.0f %%;", en.getKey(), 100.0 * en.getValue() / t)));
            out.append(" hottest methods:");
            top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(en -> out.append(String.format(Locale.ROOT, " %s %.1f %%;", en.getKey(), 100.0 * en.getValue() / t)));
            return out.toString();
        }

        private static boolean matches(String frame, String marker) {
            return switch (marker) {
                case "@driver" -> frame.startsWith("org.h2.") || frame.startsWith("org.postgresql.");
                case "@json" -> frame.startsWith("org.eclipse.parsson.") || frame.startsWith("org.eclipse.yasson.")
                        || frame.startsWith("jakarta.json.");
                default -> frame.contains(marker);
            };
        }

        private static String name(RecordedFrame f) {
            return f.getMethod().getType().getName() + "." + f.getMethod().getName();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Report

    private static String table(List<Result> results) {
        StringBuilder t = new StringBuilder();
        t.append("\n| | ").append(results.stream().map(r -> r.database().equals("h2") ? "H2 (file, WRITE_DELAY=0)" : "PostgreSQL 15")
                .collect(Collectors.joining(" | "))).append(" |\n|---|").append("---|".repeat(results.size())).append('\n');
        row(t, results, "ClusterLens max rate, 32 closed-loop clients (submissions/s)", r -> fmt(r.clMax().rate()));
        row(t, results, "… latency p50 / p95 / p99 / max (ms)", r -> lat(r.clMax(), true));
        row(t, results, "… failed requests / ran out of invitations", r -> r.clMax().failed() + " / " + (r.clMax().exhausted() ? "yes" : "no"));
        row(t, results, "Plain JDBC max rate, 32 threads (submissions/s)", r -> fmt(r.jdbc().rate()));
        row(t, results, "… latency p50 / p95 / p99 / max (ms)", r -> lat(r.jdbc(), true));
        row(t, results, "**ClusterLens / JDBC rate** (target ≥ 50 %)", r -> String.format(Locale.ROOT, "**%.0f %%**",
                100 * r.clMax().rate() / r.jdbc().rate()));
        row(t, results, "ClusterLens at half its max rate, open loop: offered / achieved (submissions/s)",
                r -> fmt(r.halfTarget()) + " / " + fmt(r.clHalf().rate()));
        row(t, results, "… latency from the scheduled send p50 / p95 / p99 / max (ms)", r -> lat(r.clHalf(), true));
        row(t, results, "**p99 at half rate** (target < 100 ms)", r -> String.format(Locale.ROOT, "**%.1f ms**", ms(r.clHalf().p99())));
        row(t, results, "Server used heap, max sampled each second: max-rate run / half-rate run (MiB, -Xmx512m)",
                r -> fmt(r.heapMaxMiB()) + " / " + fmt(r.heapMaxHalfMiB()));
        row(t, results, "Server GC over its life: full collections (heap exhausted); total pause time",
                r -> String.format(Locale.ROOT, "%d; %.1f s", r.gcCount(), r.gcPauseMs() / 1000));
        row(t, results, "Server VmRSS, max (MiB)", r -> fmt(r.rssMaxMiB()));
        row(t, results, "Actors in a study's register (largest) during the runs", r -> String.valueOf(r.registerSize()));
        t.append('\n');
        for (Result r : results) {
            t.append("Targets on ").append(r.database()).append(": rate ratio ")
                    .append(met(r.clMax().rate() >= 0.5 * r.jdbc().rate()))
                    .append(", p99 at half rate ").append(met(ms(r.clHalf().p99()) < 100))
                    .append(", heap under 512 MB ").append(met(r.heapMaxMiB() < 512 && r.heapMaxHalfMiB() < 512))
                    .append(r.gcCount() > 0 ? " (but only because -Xmx512m caps it: " + r.gcCount()
                            + " full collections show the heap ran full)" : "").append("\n\n");
            r.notes().forEach((k, v) -> t.append("- ").append(r.database()).append(", ").append(k).append(": ").append(v).append('\n'));
            t.append('\n');
        }
        return t.toString();
    }

    private interface Cell {
        String of(Result r);
    }

    private static void row(StringBuilder t, List<Result> results, String label, Cell cell) {
        t.append("| ").append(label).append(" | ")
                .append(results.stream().map(cell::of).collect(Collectors.joining(" | "))).append(" |\n");
    }

    private static String met(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static String lat(Stats s, boolean withMax) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", ms(s.p50()), ms(s.p95()), ms(s.p99()))
                + (withMax ? String.format(Locale.ROOT, " / %.0f", ms(s.max())) : "");
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.1f", d);
    }

    static void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
