package org.clusterlens.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.ServerProcess;
import org.clusterlens.testing.StudyFixtures;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Streaming exports of a wave's submitted responses (CSV, XLSX, ZIP) against PostgreSQL writing
 * the same responses' stored answers with {@code COPY … TO STDOUT}, at two wave sizes, in one run.
 * A main program, not a test: run it through {@code src/bench/exports.sh}, which builds it and
 * creates and drops the PostgreSQL database.
 * <p>
 * One server (Payara Micro with the WAR, {@code -Xmx512m} by default, GC log) on a fresh database.
 * Through the API: per size, a study with the published firm diagnostic assigned to firms and one
 * wave; and a small study where a dozen generated interviews go through the real respondent API,
 * to check that the server stores exactly what the seeding stores for the same answers. Then each
 * study's register (as many firms as its wave has responses), the wave's invitations and its
 * submitted responses go in with COPY ({@link ExportSeeder}). Then per size, after a warm-up: repetitions of COPY, CSV, XLSX and ZIP
 * in turn, each HTTP body streamed into a counting sink (time to first body byte, total, bytes,
 * CSV records); medians. Then, per size and format, one more export during which the harness
 * asks the server for a full GC three times ({@code jcmd GC.run}): the live heap while an export
 * is under way, read from the GC log.
 * <p>
 * Options ({@code --name=value}): {@code work}, {@code war}, {@code micro}, {@code pgUrl} (an
 * existing, empty database), {@code pgUser}, {@code sizes} (10000,100000), {@code reps} (3),
 * {@code warmup} (2: exports of each format on the smallest wave before anything is measured, and
 * one more of each on every larger wave), {@code copyExtra} (2: COPY repetitions on top of
 * {@code reps}), {@code xmx} (512m), {@code profile} (true: JFR during the warm-up exports of the
 * largest wave), {@code query} (extra query string for every export, e.g. {@code choices=labels}),
 * {@code variant} (a query string measured in addition for CSV, e.g.
 * {@code choices=labels&multiple=joined}; empty for none), {@code quietWait} (600 s at most,
 * in all, waiting for other processes to calm down), {@code seed}.
 */
public final class ExportBenchmark {
    private static final List<String> FORMATS = List.of("csv", "xlsx", "zip");
    private static final Pattern GC_LINE = Pattern.compile(
            "^\\[([^\\]]+)]\\[[^\\]]*]\\[[^\\]]*] GC\\(\\d+\\) (Pause [^(]+(?:\\([^)]*\\) ?)*)(\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Map<String, String> options;
    private final Path work;
    private final List<Integer> sizes;
    private final int reps;
    private final int warmup;
    private final int copyExtra;
    private final String query;
    private final String variant;
    private final boolean profile;
    private final long seed;
    private long quietWaitLeftNanos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
    private final Map<String, String> notes = new LinkedHashMap<>();
    private long pid;
    private Path gcLog;
    private String pgUrl;
    private String pgUser;
    private URI base;
    private String bearer;

    private ExportBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "target/exportbench")).toAbsolutePath();
        this.sizes = Arrays.stream(options.getOrDefault("sizes", "10000,100000").split(","))
                .map(String::strip).map(Integer::parseInt).sorted().toList();
        this.reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        this.copyExtra = Integer.parseInt(options.getOrDefault("copyExtra", "2"));
        this.query = options.getOrDefault("query", "");
        this.variant = options.getOrDefault("variant", "");
        this.profile = Boolean.parseBoolean(options.getOrDefault("profile", "true"));
        this.seed = Long.parseLong(options.getOrDefault("seed", "20261202"));
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
        ExportBenchmark bench = new ExportBenchmark(options);
        try {
            System.out.println(bench.run());
        } finally {
            bench.probes.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------
    // The run

    /** One wave of the study and its figures. */
    private static final class Wave {
        final int size;
        final long studyId;
        final long id;
        final Map<String, List<Transfer>> timed = new LinkedHashMap<>();
        final Map<String, Probe> heap = new LinkedHashMap<>();
        final Map<String, String> profiles = new LinkedHashMap<>();
        long answersCharacters;
        long answersBytes;

        Wave(int size, long studyId, long id) {
            this.size = size;
            this.studyId = studyId;
            this.id = id;
        }

        List<Transfer> of(String what) {
            return timed.computeIfAbsent(what, k -> new ArrayList<>());
        }
    }

    private String run() throws Exception {
        Path root = work.resolve("server");
        Files.createDirectories(root.resolve("tmp"));
        gcLog = root.resolve("gc.log");
        pgUrl = required("pgUrl");
        pgUser = options.getOrDefault("pgUser", "postgres");
        databaseName = pgUrl.substring(pgUrl.lastIndexOf('/') + 1);
        System.setProperty("clusterlens.it.database", "postgresql");
        System.setProperty("clusterlens.it.dataRoot", work.toString());
        System.setProperty("payara.microJar", required("micro"));
        System.setProperty("clusterlens.war", required("war"));
        String xmx = options.getOrDefault("xmx", "512m");
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + xmx,
                "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-Xlog:gc:file=" + gcLog + ":time,uptime,level",
                "-XX:FlightRecorderOptions:stackdepth=512",
                "-Dclusterlens.admin.email=" + ItEnvironment.ADMIN_EMAIL,
                "-Dclusterlens.admin.password=" + ItEnvironment.ADMIN_PASSWORD,
                "-Dclusterlens.db.datasource=org.postgresql.ds.PGSimpleDataSource",
                "-Dclusterlens.db.url=" + pgUrl,
                "-Dclusterlens.db.user=" + pgUser));
        System.setProperty("clusterlens.it.jvm", String.join(" ", jvm));

        List<Wave> waves = new ArrayList<>();
        long idleLive;
        long idleLiveEnd;
        try (ServerProcess server = new ServerProcess("server")) {
            long started = System.nanoTime();
            server.start();
            pid = serverPid();
            log("server pid " + pid + " (-Xmx" + xmx + ") ready in " + (System.nanoTime() - started) / 1_000_000 + " ms at "
                    + server.url());
            Api api = new Api(server.url());
            base = api.base();
            seed(api, waves);

            var token = api.post("api/tokens", "{\"name\": \"export benchmark\"}").asAdmin().send();
            expect(201, token);
            bearer = token.json().getString("token");
            Wave smallest = waves.getFirst();
            check(smallest);
            log("warm-up: " + warmup + " exports of each format on the " + smallest.size + "-response wave");
            for (int i = 0; i < warmup; i++) {
                for (String format : FORMATS) {
                    log("  " + format + " " + export(smallest, format, query, null, null).summary());
                }
                log("  copy " + copy(smallest).summary());
            }
            idleLive = fullGc("idle, before the measured exports");
            for (Wave wave : waves) {
                measure(wave);
            }
            idleLiveEnd = fullGc("idle, after the exports");
            explainVersions(waves.getLast());
            stopGracefully(pid);
        }
        return report(waves, idleLive, idleLiveEnd, xmx);
    }

    private void measure(Wave wave) throws Exception {
        log("=== wave of " + wave.size + " responses ===");
        {
            for (String format : FORMATS) {
                Path jfr = work.resolve("export-" + wave.size + "-" + format + ".jfr");
                boolean record = profile && wave.size == sizes.getLast();
                PgActivity activity = record ? new PgActivity(pgUrl, pgUser).start() : null;
                if (record) {
                    jcmd("JFR.start", "name=export-" + format, "settings=profile", "filename=" + jfr);
                }
                Transfer t = export(wave, format, query, null, null);
                if (record) {
                    jcmd("JFR.stop", "name=export-" + format);
                    wave.profiles.put(format, Profile.summarize(jfr) + " PostgreSQL, sampled from pg_stat_activity every"
                            + " 50 ms: " + activity.stop() + " (export: " + t.summary() + ")");
                }
                log("  warm-up " + format + " " + t.summary());
            }
            log("  warm-up copy " + copy(wave).summary());
        }
        waitForQuietMachine();
        for (int r = 0; r < reps + copyExtra; r++) {
            // what any request with Basic credentials costs before the endpoint runs
            wave.of("auth").add(get(URI.create(base + "api/studies/" + wave.studyId)));
            Transfer c = copy(wave);
            wave.of("copy").add(c);
            log("  rep " + (r + 1) + " copy " + c.summary());
            if (r >= reps) {
                continue;
            }
            for (String format : FORMATS) {
                Transfer t = export(wave, format, query, null, null);
                wave.of(format).add(t);
                log("  rep " + (r + 1) + " " + format + " " + t.summary());
            }
            if (bearer != null) {
                wave.of("token auth").add(fetch(URI.create(base + "api/studies/" + wave.studyId), "json", null, null, bearer, false));
                for (String format : FORMATS) {
                    Transfer t = fetch(base.resolve("api/studies/" + wave.studyId + "/waves/" + wave.id + "/export." + format
                            + (query.isBlank() ? "" : "?" + query)), format, null, null, bearer, true);
                    wave.of(format + " token").add(t);
                    // the export goes on on the server until its next write finds the connection closed
                    long settled = settle();
                    wave.of("settle").add(new Transfer("settle", 0, 0, settled, 0, 0, "", 0, 0, 0, Instant.now(), Instant.now()));
                    log("  rep " + (r + 1) + " " + format + " with an API token, first byte only: " + t.summary()
                            + "; server and database idle again " + ms(settled) + " ms after the client hung up");
                }
            }
            if (!variant.isBlank()) {
                Transfer t = export(wave, "csv", join(query, variant), null, null);
                wave.of("csv?" + variant).add(t);
                log("  rep " + (r + 1) + " csv?" + variant + " " + t.summary());
            }
        }
        // the heap during an export: full collections at three points of the transfer, not timed
        for (String format : FORMATS) {
            long expected = median(wave.of(format), Transfer::bytes);
            Path saved = work.resolve("export-" + wave.size + "." + format);
            Probe probe = new Probe(expected);
            if (format.equals("csv")) {
                probe.histogram = new java.util.concurrent.atomic.AtomicReference<>();
            }
            Instant from = Instant.now();
            Transfer t = export(wave, format, query, saved, probe::progress);
            probe.await();
            probe.live = fullGcsSince(from);
            probe.verified = verify(format, saved, wave.size);
            Files.deleteIfExists(saved);
            wave.heap.put(format, probe);
            if (probe.histogram != null && probe.histogram.get() != null) {
                notes.put(String.format(Locale.ROOT, "%,d responses, classes of the live heap at 60 %% of a CSV export"
                        + " (jcmd GC.class_histogram, the 10 largest)", wave.size), histogram(probe.histogram.get()));
            }
            log("  heap probe " + format + ": live heap after full GC " + probe.live + " MiB; " + probe.verified
                    + "; " + t.summary());
        }
    }

    /** The top of a class histogram: instances, MB and class of the largest entries. */
    private static String histogram(String text) {
        return text.lines().filter(l -> l.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+\\S.*")).limit(10)
                .map(l -> l.strip().split("\\s+"))
                .map(f -> String.format(Locale.ROOT, "%s %,d instances %.1f MB", f[3], Long.parseLong(f[1]),
                        Long.parseLong(f[2]) / 1e6))
                .collect(Collectors.joining("; "));
    }

    /**
     * The template versions of the wave's responses, once with the whole version in a DISTINCT
     * (the shape of the SQL the export's JPQL {@code SELECT DISTINCT r.templateVersion …} becomes)
     * and once by id only: PostgreSQL's own timing of each.
     */
    private void explainVersions(Wave wave) throws SQLException {
        String whole = "SELECT DISTINCT v.* FROM response r JOIN template_version v ON v.id = r.template_version_id"
                + " WHERE r.wave_id = " + wave.id + " AND r.status = 'SUBMITTED'";
        String ids = "SELECT DISTINCT r.template_version_id FROM response r WHERE r.wave_id = " + wave.id
                + " AND r.status = 'SUBMITTED'";
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, ""); Statement s = c.createStatement()) {
            for (String[] q : new String[][] {{"whole versions", whole}, {"ids only", ids}}) {
                List<String> plan = new ArrayList<>();
                try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q[1])) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
                String summary = plan.stream().filter(l -> l.contains("Execution Time") || l.contains("Sort Method")
                        || l.contains("Workers Launched") || l.startsWith("Unique") || l.startsWith("HashAggregate")
                        || l.contains("Disk:")).map(String::strip).collect(Collectors.joining("; "));
                notes.put(String.format(Locale.ROOT, "%,d responses, EXPLAIN ANALYZE of the wave's template versions, %s",
                        wave.size, q[0]), "`" + q[1] + "`: " + summary);
                log("EXPLAIN " + q[0] + ":\n  " + String.join("\n  ", plan));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + "&" + b;
    }

    // ------------------------------------------------------------------------------------------
    // Setting up the data

    private void seed(Api api, List<Wave> waves) throws Exception {
        StudyFixtures fixtures = new StudyFixtures(api);
        int version = fixtures.publishedFirmDiagnostic();
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "")) {
            c.setAutoCommit(false);
            boolean checked = false;
            // one study per size, its register as large as its wave: what an export keeps per
            // actor (names, pseudonyms) then grows with the wave too, as it would in the field
            for (int size : sizes) {
                var study = api.post("api/studies", """
                        {"name": "Grappe agroalimentaire de Thiès, %d entreprises (export benchmark)",
                         "product": "transformation agroalimentaire", "place": "Thiès", "languages": ["fr", "en"],
                         "defaultLanguage": "fr", "k": 5}""".formatted(size)).asAdmin().send();
                expect(201, study);
                long studyId = study.json().getJsonNumber("id").longValue();
                expect(200, api.put("api/studies/" + studyId + "/templates/firm",
                        "{\"templateId\": \"firm-diagnostic\", \"version\": " + version + "}").asAdmin().send());
                LocalDate opens = LocalDate.of(2026, 1, 5);
                var created = api.post("api/studies/" + studyId + "/waves", """
                        {"name": "Enquête de base", "opensOn": "%s", "closesOn": "%s"}""".formatted(
                        opens, opens.plusMonths(3))).asAdmin().send();
                expect(201, created);
                Wave wave = new Wave(size, studyId, created.json().getJsonNumber("id").longValue());
                waves.add(wave);

                long templateVersionId;
                String content;
                try (PreparedStatement p = c.prepareStatement("SELECT v.id, v.content FROM study_template t"
                        + " JOIN template_version v ON v.id = t.template_version_id WHERE t.study_id = ? AND t.actor_type = 'firm'")) {
                    p.setLong(1, studyId);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        templateVersionId = r.getLong(1);
                        content = r.getString(2);
                    }
                }
                JsonObject template;
                try (JsonReader reader = Json.createReader(new StringReader(content))) {
                    template = reader.readObject();
                }
                ExportSeeder seeder = new ExportSeeder(c, studyId, templateVersionId, template, seed + size);
                if (!checked) {
                    sameAsTheServer(api, fixtures, seeder, c);
                    checked = true;
                }
                long t0 = System.nanoTime();
                seeder.actors(size);
                c.commit();
                log("study " + studyId + ": register of " + size + " firms in " + ms(System.nanoTime() - t0) + " ms");
                OffsetDateTime from = opens.atTime(8, 0).atOffset(ZoneOffset.UTC);
                long t1 = System.nanoTime();
                wave.answersCharacters = seeder.wave(wave.id, size, from, from.plusMonths(3).minusDays(1));
                log("wave " + wave.id + ": " + size + " submitted responses written in " + ms(System.nanoTime() - t1) + " ms");
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // what autovacuum would have done to tables filled over months
                s.execute("VACUUM (ANALYZE) actor, invitation, response, outbox");
                s.execute("CHECKPOINT");
                for (Wave wave : waves) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(octet_length(answers)), AVG(length(answers))"
                            + " FROM response WHERE wave_id = " + wave.id + " AND status = 'SUBMITTED'")) {
                        r.next();
                        if (r.getLong(1) != wave.size) {
                            throw new IllegalStateException("wave " + wave.id + " has " + r.getLong(1) + " responses");
                        }
                        wave.answersBytes = r.getLong(2);
                        notes.put("wave of " + wave.size, String.format(Locale.ROOT,
                                "answers %.1f MB in all (UTF-8), %.0f characters per response on average",
                                wave.answersBytes / 1e6, r.getDouble(3)));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('response')),"
                        + " pg_size_pretty(pg_database_size(current_database()))")) {
                    r.next();
                    notes.put("database", "table response with its TOAST and indexes " + r.getString(1) + "; database "
                            + r.getString(2));
                }
            }
        }
    }

    /**
     * A dozen generated interviews sent through the respondent API, in a study of their own: the
     * server must accept each and store exactly the answers text the seeding would store.
     */
    private void sameAsTheServer(Api api, StudyFixtures fixtures, ExportSeeder seeder, Connection c)
            throws Exception {
        StudyFixtures.Ready check = fixtures.study("Seeding check", "fr");
        StringBuilder csv = new StringBuilder(StudyFixtures.HEADER);
        for (int i = 1; i <= 12; i++) {
            csv.append("C").append(i).append(",Atelier Sène n°").append(i).append(",firm,food_processing,micro,Thiès,,\r\n");
        }
        expect(200, fixtures.importActors(check.studyId(), csv.toString()));
        List<Long> ids = fixtures.actors(check.studyId()).values().stream().sorted().toList();
        var invitations = fixtures.inviteAll(check, false).getValuesAs(JsonObject.class);
        int same = 0;
        for (JsonObject invitation : invitations) {
            long self = invitation.getJsonNumber("actorId").longValue();
            int index = ids.indexOf(self);
            ExportSeeder.Answers answers = seeder.answers(check.waveId(), index, self,
                    ExportSeeder.without(ids, index), Set.copyOf(ids));
            String token = StudyFixtures.token(invitation.getString("link"));
            var sent = api.post("api/respond/" + token + "/submission", Json.createObjectBuilder()
                    .add("submissionId", UUID.randomUUID().toString()).add("language", answers.language())
                    .add("answers", answers.sent()).build().toString()).send();
            expect(201, sent);
            try (PreparedStatement p = c.prepareStatement("SELECT r.answers FROM response r"
                    + " JOIN invitation i ON i.id = r.invitation_id WHERE i.wave_id = ? AND i.actor_id = ?")) {
                p.setLong(1, check.waveId());
                p.setLong(2, self);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    String stored = r.getString(1);
                    if (!stored.equals(answers.kept())) {
                        throw new IllegalStateException("the server stored other answers than the seeding would:\n"
                                + stored + "\n" + answers.kept());
                    }
                    same++;
                }
            }
        }
        c.commit();
        notes.put("seeding check", same + " generated interviews submitted through POST /api/respond/{token}/submission"
                + " in a separate study: each accepted (201), and the answers text the server stored is identical"
                + " to what the seeding stores for the same interview");
        log("seeding check: " + same + " interviews stored by the server exactly as the seeding stores them");
    }

    private void check(Wave wave) throws Exception {
        Path saved = work.resolve("check.csv");
        Transfer t = export(wave, "csv", query, saved, null);
        String head;
        try (InputStream in = Files.newInputStream(saved)) {
            head = new String(in.readNBytes(1500), StandardCharsets.UTF_8);
        }
        log("first export: " + t.summary() + "; " + t.contentType + "\n" + head.replace("\r", "") + "…");
        Files.deleteIfExists(saved);
        if (t.csvRecords != wave.size + 1) {
            throw new IllegalStateException("the CSV export of a wave of " + wave.size + " responses has "
                    + t.csvRecords + " records (a header and one per response expected)");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Measuring

    /** One transfer: times from the request's start (ns), bytes, and CSV records (lines outside quotes). */
    record Transfer(String what, long headers, long firstByte, long total, long bytes, long csvRecords, String contentType,
                    long serverCpu, long postgresCpu, long ownCpu, Instant start, Instant end) {
        String summary() {
            return String.format(Locale.ROOT, "%.3f s (headers %.3f s, first byte %.3f s), %.1f MB, %d records; cpu s:"
                            + " server %.2f, postgres %.2f, harness %.2f", total / 1e9, headers / 1e9, firstByte / 1e9,
                    bytes / 1e6, csvRecords,
                    serverCpu / 100.0, postgresCpu / 100.0, ownCpu / 100.0);
        }
    }

    private Transfer export(Wave wave, String format, String options, Path saveTo, LongConsumer progress) throws Exception {
        URI uri = base.resolve("api/studies/" + wave.studyId + "/waves/" + wave.id + "/export." + format
                + (options.isBlank() ? "" : "?" + options));
        return fetch(uri, format, saveTo, progress);
    }

    private Transfer get(URI uri) throws Exception {
        return fetch(uri, "json", null, null);
    }

    private Transfer fetch(URI uri, String format, Path saveTo, LongConsumer progress) throws Exception {
        return fetch(uri, format, saveTo, progress, null, false);
    }

    /**
     * @param token     an API token to send instead of the admin's Basic credentials
     * @param firstOnly stop reading (and close the connection) once the first body byte is in
     */
    private Transfer fetch(URI uri, String format, Path saveTo, LongConsumer progress, String token, boolean firstOnly)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("Authorization", token != null ? "Bearer " + token : "Basic " + Base64.getEncoder().encodeToString(
                        (ItEnvironment.ADMIN_EMAIL + ":" + ItEnvironment.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        Cpu cpu = Cpu.start(pid);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long headers = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(4000), StandardCharsets.UTF_8);
            }
            throw new IllegalStateException("GET " + uri + " -> " + response.statusCode() + " " + body);
        }
        long first = -1;
        long bytes = 0;
        CsvRecords records = new CsvRecords();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body();
             OutputStream out = saveTo == null ? OutputStream.nullOutputStream() : Files.newOutputStream(saveTo)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n == 0) {
                    continue;
                }
                if (first < 0) {
                    first = System.nanoTime() - t0;
                }
                bytes += n;
                if (format.equals("csv")) {
                    records.add(buffer, n);
                }
                out.write(buffer, 0, n);
                if (progress != null) {
                    progress.accept(bytes);
                }
                if (firstOnly) {
                    break;
                }
            }
        }
        long total = System.nanoTime() - t0;
        long[] used = cpu.stop();
        return new Transfer(format, headers, first, total, bytes, format.equals("csv") ? records.count : -1,
                response.headers().firstValue("Content-Type").orElse("?"), used[0], used[1], used[2], start, Instant.now());
    }

    /** Records of a CSV body: line ends outside double quotes (a quote inside a cell comes doubled). */
    private static final class CsvRecords {
        boolean quoted;
        long count;

        void add(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && !quoted) {
                    count++;
                }
            }
        }
    }

    /**
     * PostgreSQL writing the wave's stored answers, in the order the export reads them, through
     * pgJDBC's CopyManager into a stream that only counts: what the database alone takes to hand
     * over the same responses' answers.
     */
    private Transfer copy(Wave wave) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "")) {
            Cpu cpu = Cpu.start(pid);
            Instant start = Instant.now();
            long t0 = System.nanoTime();
            long[] first = {-1};
            long[] bytes = {0};
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (first[0] < 0 && len > 0) {
                        first[0] = System.nanoTime() - t0;
                    }
                    bytes[0] += len;
                }
            };
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT answers FROM response WHERE wave_id = "
                    + wave.id + " AND status = 'SUBMITTED' ORDER BY id) TO STDOUT", sink);
            long total = System.nanoTime() - t0;
            long[] used = cpu.stop();
            if (rows != wave.size) {
                throw new IllegalStateException("COPY wrote " + rows + " rows, not " + wave.size);
            }
            return new Transfer("copy", first[0], first[0], total, bytes[0], rows, "text/plain", used[0], used[1], used[2],
                    start, Instant.now());
        }
    }

    /** Full collections at 30, 60 and 90 % of the expected bytes, asked for while the transfer goes on. */
    private final class Probe {
        final long expected;
        int asked;
        final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        List<Long> live = List.of();
        String verified = "";

        Probe(long expected) {
            this.expected = expected;
        }

        /** Where the middle collection's class histogram goes; null for a plain GC.run. */
        java.util.concurrent.atomic.AtomicReference<String> histogram;

        void progress(long bytes) {
            while (asked < 3 && bytes >= expected * (3L * (asked + 1)) / 10) {
                asked++;
                if (asked == 2 && histogram != null) {
                    // a class histogram collects in full first: the same live set, with its classes
                    pending.add(probes.submit(() -> {
                        histogram.set((String) jcmd("GC.class_histogram"));
                        return null;
                    }));
                } else {
                    pending.add(probes.submit(() -> jcmd("GC.run")));
                }
            }
        }

        void await() throws Exception {
            for (var f : pending) {
                f.get();
            }
            // the log line is written when the collection ends
            Thread.sleep(300);
        }

        long max() {
            return live.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    /** Checks a saved export: CSV records, the XLSX sheet's rows, the ZIP's entries. */
    private static String verify(String format, Path file, int responses) throws IOException {
        switch (format) {
            case "csv" -> {
                CsvRecords records = new CsvRecords();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] b = new byte[1 << 16];
                    for (int n; (n = in.read(b)) > 0; ) {
                        records.add(b, n);
                    }
                }
                return "CSV: " + records.count + " records" + (records.count == responses + 1 ? " (header + one per response)" : " (EXPECTED " + (responses + 1) + ")");
            }
            case "xlsx", "zip" -> {
                StringBuilder out = new StringBuilder(format.toUpperCase(Locale.ROOT) + ":");
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        byte[] b = new byte[1 << 16];
                        long size = 0;
                        long rows = 0;
                        boolean sheet = e.getName().contains("worksheets/");
                        CsvRecords csv = new CsvRecords();
                        byte[] tail = new byte[0];
                        try (InputStream in = zip.getInputStream(e)) {
                            for (int n; (n = in.read(b)) > 0; ) {
                                size += n;
                                if (sheet) {
                                    rows += count(tail, b, n, "<row ".getBytes(StandardCharsets.US_ASCII));
                                    tail = Arrays.copyOfRange(b, Math.max(0, n - 4), n);
                                } else if (e.getName().endsWith(".csv")) {
                                    csv.add(b, n);
                                }
                            }
                        }
                        out.append(' ').append(e.getName()).append(String.format(Locale.ROOT, " %.1f MB", size / 1e6));
                        if (sheet) {
                            out.append(" (").append(rows).append(" rows)");
                        } else if (e.getName().endsWith(".csv")) {
                            out.append(" (").append(csv.count).append(" records)");
                        }
                        out.append(';');
                    }
                }
                // a reader that goes by the local headers alone, as streaming unzippers do
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
                    int entries = 0;
                    while (in.getNextEntry() != null) {
                        in.transferTo(OutputStream.nullOutputStream());
                        entries++;
                    }
                    out.append(" java.util.zip.ZipInputStream reads all ").append(entries).append(" entries");
                } catch (IOException e) {
                    out.append(" java.util.zip.ZipInputStream FAILS: ").append(e.getMessage());
                }
                return out.toString();
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    /** Occurrences of {@code word} in {@code tail + b[0..n)}, those inside the tail alone excluded. */
    private static long count(byte[] tail, byte[] b, int n, byte[] word) {
        byte[] all = new byte[tail.length + n];
        System.arraycopy(tail, 0, all, 0, tail.length);
        System.arraycopy(b, 0, all, tail.length, n);
        long found = 0;
        outer:
        for (int i = 0; i + word.length <= all.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (all[i + j] != word[j]) {
                    continue outer;
                }
            }
            if (i + word.length > tail.length) {
                found++;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------
    // The server process: GC log, jcmd, CPU

    private long fullGc(String when) throws Exception {
        Instant from = Instant.now();
        jcmd("GC.run");
        Thread.sleep(300);
        List<Long> live = fullGcsSince(from);
        long mib = live.isEmpty() ? -1 : live.getLast();
        log("live heap " + when + ": " + mib + " MiB");
        return mib;
    }

    /** Heap after each System.gc() full collection logged since {@code from}, MiB. */
    private List<Long> fullGcsSince(Instant from) throws IOException {
        return gcEvents().stream().filter(e -> !e.at().isBefore(from.minusMillis(5)) && e.kind().startsWith("Pause Full"))
                .map(GcEvent::afterMiB).toList();
    }

    record GcEvent(Instant at, String kind, long beforeMiB, long afterMiB, long heapMiB, double pauseMs) {
    }

    private List<GcEvent> gcEvents() throws IOException {
        List<GcEvent> events = new ArrayList<>();
        if (!Files.exists(gcLog)) {
            return events;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                events.add(new GcEvent(OffsetDateTime.parse(m.group(1), GC_TIME).toInstant(), m.group(2).strip(),
                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                        Double.parseDouble(m.group(6))));
            }
        }
        return events;
    }

    private Object jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server and the database's backends use less than a fifth of a core (at most 60 s); nanoseconds. */
    private long settle() throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            long busy0 = Cpu.jiffies(pid) + Cpu.postgres();
            Thread.sleep(500);
            if (Cpu.jiffies(pid) + Cpu.postgres() - busy0 <= 10) {
                return System.nanoTime() - t0 - 500_000_000L;
            }
        }
        return System.nanoTime() - t0;
    }

    private static long serverPid() {
        return BenchServer.pid();
    }

    private static void stopGracefully(long pid) throws InterruptedException {
        BenchServer.stopGracefully(pid);
    }

    /** CPU time (jiffies, 1/100 s) of the server, the postgres processes and this program over a span. */
    private static volatile String databaseName = "?";

    private record Cpu(long pid, long server, long database, long own) {
        static Cpu start(long pid) {
            return new Cpu(pid, jiffies(pid), postgres(), jiffies(ProcessHandle.current().pid()));
        }

        long[] stop() {
            return new long[] {jiffies(pid) - server, postgres() - database, jiffies(ProcessHandle.current().pid()) - own};
        }

        static long jiffies(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** The backends serving the benchmark's database (others' databases on the same server excluded). */
        static long postgres() {
            return ProcessHandle.allProcesses().filter(p -> comm(p.pid()).startsWith("postgres"))
                    .filter(p -> cmdline(p.pid()).contains(databaseName))
                    .mapToLong(p -> jiffies(p.pid())).sum();
        }

        static String cmdline(long pid) {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            } catch (IOException e) {
                return "";
            }
        }

        static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
            } catch (IOException e) {
                return "";
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
    }

    /** Waits (at most {@code quietWait} seconds over the run) until other processes use less than half a core. */
    private void waitForQuietMachine() throws InterruptedException {
        long begin = System.nanoTime();
        boolean told = false;
        try {
            while (true) {
                long[] m0 = Cpu.machine();
                long mine0 = Cpu.jiffies(pid) + Cpu.jiffies(ProcessHandle.current().pid());
                Thread.sleep(3_000);
                long[] m1 = Cpu.machine();
                long mine = Cpu.jiffies(pid) + Cpu.jiffies(ProcessHandle.current().pid()) - mine0;
                double others = ((m1[0] - m0[0]) - mine) / (double) (m1[1] - m0[1]) * Runtime.getRuntime().availableProcessors();
                if (others < 0.5) {
                    if (told) {
                        log(String.format(Locale.ROOT, "quiet now (%.2f cores elsewhere)", others));
                    }
                    return;
                }
                if (!told) {
                    log(String.format(Locale.ROOT, "other processes use %.2f cores; waiting (%d s left for waits)",
                            others, Math.max(0, (quietWaitLeftNanos - (System.nanoTime() - begin)) / 1_000_000_000L)));
                    told = true;
                }
                if (System.nanoTime() - begin > quietWaitLeftNanos) {
                    log(String.format(Locale.ROOT, "still %.2f cores busy elsewhere; measuring anyway", others));
                    notes.put("machine not quiet", String.format(Locale.ROOT, "%.2f cores used by other processes when"
                            + " a measured series began", others));
                    return;
                }
            }
        } finally {
            quietWaitLeftNanos = Math.max(0, quietWaitLeftNanos - (System.nanoTime() - begin));
        }
    }

    /** What the benchmark database's other sessions are running, sampled from pg_stat_activity. */
    private static final class PgActivity {
        private final Connection c;
        private final Map<String, Long> samples = new HashMap<>();
        private volatile boolean running = true;
        private Thread thread;
        private long total;

        PgActivity(String url, String user) throws SQLException {
            c = DriverManager.getConnection(url, user, "");
        }

        PgActivity start() {
            thread = Thread.ofPlatform().daemon().name("pg-activity").start(() -> {
                try (PreparedStatement p = c.prepareStatement("SELECT query, wait_event_type FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'")) {
                    while (running) {
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) {
                                String q = r.getString(1).replaceAll("\\s+", " ").strip();
                                samples.merge((q.length() > 160 ? q.substring(0, 160) + "…" : q)
                                        + (r.getString(2) == null ? "" : " [waiting: " + r.getString(2) + "]"), 1L, Long::sum);
                            }
                        }
                        total++;
                        Thread.sleep(50);
                    }
                } catch (SQLException | InterruptedException e) {
                    samples.merge("(sampling stopped: " + e.getMessage() + ")", 1L, Long::sum);
                }
            });
            return this;
        }

        String stop() throws Exception {
            running = false;
            thread.join(5_000);
            c.close();
            StringBuilder out = new StringBuilder(total + " samples;");
            samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %d session-samples (a parallel query's workers"
                            + " count apart): `%s`;", e.getValue(), e.getKey())));
            return out.toString();
        }
    }

    /** Where an export's CPU goes, from JFR execution samples of the whole server. */
    private static final class Profile {
        private static final Map<String, String> MARKERS = new LinkedHashMap<>();

        static {
            MARKERS.put("any ClusterLens frame", "org.clusterlens.");
            MARKERS.put("org.clusterlens.exports", "org.clusterlens.exports.");
            MARKERS.put("JDBC driver (org.postgresql)", "org.postgresql.");
            MARKERS.put("EclipseLink", "org.eclipse.persistence.");
            MARKERS.put("JSON-P parsing (parsson)", "org.eclipse.parsson.");
            MARKERS.put("Apache POI", "org.apache.poi.");
            MARKERS.put("Commons CSV", "org.apache.commons.csv.");
            MARKERS.put("XML writing (javax.xml / com.sun.xml / woodstox)", "@xml");
            MARKERS.put("compression (java.util.zip)", "java.util.zip.");
            MARKERS.put("writing to the socket (Grizzly / NIO)", "@socket");
            MARKERS.put("pseudonyms (HMAC, javax.crypto)", "javax.crypto.");
            MARKERS.put("String.format / Formatter", "java.util.Formatter.");
            MARKERS.put("regular expressions (java.util.regex)", "java.util.regex.");
        }

        static String summarize(Path jfr) {
            if (!Files.exists(jfr)) {
                return "no recording";
            }
            Map<String, Long> hits = new LinkedHashMap<>();
            MARKERS.keySet().forEach(k -> hits.put(k, 0L));
            Map<String, Long> top = new HashMap<>();
            Map<String, Long> app = new HashMap<>();
            Map<String, Long> threads = new TreeMap<>();
            long total = 0;
            try (RecordingFile file = new RecordingFile(jfr)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                        continue;
                    }
                    String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", ""), 1L, Long::sum);
                    total++;
                    List<String> frames = e.getStackTrace().getFrames().stream().map(Profile::name).toList();
                    for (var marker : MARKERS.entrySet()) {
                        if (frames.stream().anyMatch(f -> matches(f, marker.getValue()))) {
                            hits.merge(marker.getKey(), 1L, Long::sum);
                        }
                    }
                    if (!frames.isEmpty()) {
                        top.merge(frames.getFirst(), 1L, Long::sum);
                    }
                    app.merge(frames.stream().filter(f -> f.startsWith("org.clusterlens.")).findFirst()
                            .map(f -> f.substring("org.clusterlens.".length())).orElse("(no ClusterLens frame)"), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t = Math.max(1, total);
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d execution samples (threads:", total));
            threads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                    .forEach(en -> out.append(String.format(Locale.ROOT, " %s %.0f %%", en.getKey(), 100.0 * en.getValue() / t)));
            out.append("); inclusive:");
            hits.forEach((k, v) -> out.append(String.format(Locale.ROOT, " %s %.0f %%;", k, 100.0 * v / t)));
            out.append(" innermost ClusterLens method:");
            app.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(en -> out.append(String.format(Locale.ROOT, " %s %.0f %%;", en.getKey(), 100.0 * en.getValue() / t)));
            out.append(" hottest methods (self):");
            top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .forEach(en -> out.append(String.format(Locale.ROOT, " %s %.1f %%;", en.getKey(), 100.0 * en.getValue() / t)));
            return out.toString();
        }

        private static boolean matches(String frame, String marker) {
            return switch (marker) {
                case "@xml" -> frame.startsWith("javax.xml.") || frame.startsWith("com.sun.xml.")
                        || frame.startsWith("com.ctc.wstx.") || frame.startsWith("org.apache.xmlbeans.");
                case "@socket" -> frame.startsWith("org.glassfish.grizzly.nio.transport.") || frame.startsWith("sun.nio.ch.");
                default -> frame.startsWith(marker);
            };
        }

        private static String name(RecordedFrame f) {
            return f.getMethod().getType().getName() + "." + f.getMethod().getName();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Report

    private String report(List<Wave> waves, long idleLive, long idleLiveEnd, String xmx) throws IOException {
        List<GcEvent> gcs = gcEvents();
        StringBuilder t = new StringBuilder();
        t.append("\n| | ").append(waves.stream().map(w -> String.format(Locale.ROOT, "%,d responses", w.size))
                .collect(Collectors.joining(" | "))).append(" |\n|---|").append("---|".repeat(waves.size())).append('\n');
        row(t, waves, "PostgreSQL `COPY (SELECT answers …) TO STDOUT`, CopyManager → counting stream: median (min–max), s",
                w -> seconds(w.of("copy"), Transfer::total));
        row(t, waves, "… bytes written by COPY (MB)", w -> mb(median(w.of("copy"), Transfer::bytes)));
        for (String format : FORMATS) {
            String name = format.toUpperCase(Locale.ROOT);
            row(t, waves, name + " export, total: median (min–max), s", w -> seconds(w.of(format), Transfer::total));
            row(t, waves, "… time to first body byte: median (max), s", w -> ttfb(w.of(format)));
            row(t, waves, "… body (MB)" + (format.equals("csv") ? "; CSV records" : ""), w -> mb(median(w.of(format), Transfer::bytes))
                    + (format.equals("csv") ? "; " + median(w.of(format), Transfer::csvRecords) : ""));
            row(t, waves, "… responses/s", w -> fmt(w.size / (median(w.of(format), Transfer::total) / 1e9)));
            row(t, waves, "… CPU per export: server / PostgreSQL / harness (s, median)", w -> cpu(w.of(format)));
            if (format.equals("csv")) {
                row(t, waves, "**CSV / COPY** (target ≤ 1.5×)", w -> String.format(Locale.ROOT, "**%.2f×**",
                        ratio(w.of("csv"), w.of("copy"))));
            }
            if (format.equals("xlsx")) {
                row(t, waves, "**XLSX / CSV** (target ≤ 3×)", w -> String.format(Locale.ROOT, "**%.2f×**",
                        ratio(w.of("xlsx"), w.of("csv"))));
            }
        }
        if (!variant.isBlank()) {
            row(t, waves, "CSV with `" + variant + "`: median (min–max), s", w -> seconds(w.of("csv?" + variant), Transfer::total));
            row(t, waves, "… body (MB); vs COPY", w -> mb(median(w.of("csv?" + variant), Transfer::bytes))
                    + String.format(Locale.ROOT, "; %.2f×", ratio(w.of("csv?" + variant), w.of("copy"))));
        }
        row(t, waves, "COPY, CPU: server / PostgreSQL / harness (s, median)", w -> cpu(w.of("copy")));
        row(t, waves, "For scale: `GET /api/studies/{id}` with the same Basic credentials, median (max), s",
                w -> ttfb(w.of("auth")));
        row(t, waves, "Time to first byte with an API token (`Bearer`) instead: CSV / XLSX / ZIP, median (max), s",
                w -> FORMATS.stream().map(f -> ttfb(w.of(f + " token"))).collect(Collectors.joining(" / ")));
        row(t, waves, "… `GET /api/studies/{id}` with the token, median (max), s", w -> ttfb(w.of("token auth")));
        row(t, waves, "… after the client hung up at the first byte, server and database busy for: median (max), s",
                w -> String.format(Locale.ROOT, "%.3f (%.3f)", median(w.of("settle"), Transfer::total) / 1e9,
                        w.of("settle").stream().mapToLong(Transfer::total).max().orElse(-1) / 1e9));
        for (String format : FORMATS) {
            row(t, waves, "Server live heap after a full GC at 30/60/90 % of a " + format.toUpperCase(Locale.ROOT)
                    + " export (MiB)", w -> w.heap.get(format).live.stream().map(String::valueOf).collect(Collectors.joining(" / ")));
        }
        for (String format : FORMATS) {
            row(t, waves, "Server heap after young/mixed GCs during the timed " + format.toUpperCase(Locale.ROOT)
                    + " exports: max (MiB); GC pauses per export (ms)", w -> youngDuring(gcs, w.of(format)));
        }
        t.append('\n');
        t.append(String.format(Locale.ROOT, "Server: -Xmx%s; live heap idle after a full GC: %d MiB before the measured exports,"
                + " %d MiB after them.%n%n", xmx, idleLive, idleLiveEnd));
        Wave large = waves.getLast();
        Wave small = waves.getFirst();
        double csvCopy = ratio(large.of("csv"), large.of("copy"));
        double xlsxCsv = ratio(large.of("xlsx"), large.of("csv"));
        double worstTtfb = waves.stream().flatMap(w -> FORMATS.stream().map(f -> median(w.of(f), Transfer::firstByte)))
                .mapToLong(Long::longValue).max().orElse(0) / 1e9;
        double worstTokenTtfb = waves.stream().flatMap(w -> FORMATS.stream().map(f -> median(w.of(f + " token"), Transfer::firstByte)))
                .mapToLong(Long::longValue).max().orElse(0) / 1e9;
        long liveSmall = FORMATS.stream().mapToLong(f -> small.heap.get(f).max()).max().orElse(-1);
        long liveLarge = FORMATS.stream().mapToLong(f -> large.heap.get(f).max()).max().orElse(-1);
        t.append(String.format(Locale.ROOT, "Targets at %,d responses: CSV ≤ 1.5× COPY %s (%.2f×); XLSX ≤ 3× CSV %s (%.2f×);"
                        + " time to first byte < 1 s %s (worst median %.3f s with Basic credentials, %.3f s with an API token); heap flat from %,d to %,d responses %s"
                        + " (largest live heap during an export %d MiB against %d MiB; idle %d MiB)%n%n",
                large.size, met(csvCopy <= 1.5), csvCopy, met(xlsxCsv <= 3), xlsxCsv, met(worstTtfb < 1), worstTtfb, worstTokenTtfb,
                small.size, large.size, met(liveLarge <= liveSmall + Math.max(32, liveSmall / 5)), liveLarge, liveSmall, idleLive));
        for (Wave w : waves) {
            for (String format : FORMATS) {
                t.append("- ").append(String.format(Locale.ROOT, "%,d responses", w.size)).append(", heap probe ")
                        .append(format).append(": ").append(w.heap.get(format).verified).append('\n');
            }
            w.profiles.forEach((format, p) -> t.append("- ").append(String.format(Locale.ROOT, "%,d responses", w.size))
                    .append(", JFR of the warm-up ").append(format).append(" export: ").append(p).append('\n'));
        }
        notes.forEach((k, v) -> t.append("- ").append(k).append(": ").append(v).append('\n'));
        return t.toString();
    }

    /** Young and mixed collections while one of these transfers ran: max heap after, pauses per transfer. */
    private static String youngDuring(List<GcEvent> gcs, List<Transfer> runs) {
        long count = 0;
        long max = -1;
        double pauses = 0;
        for (GcEvent e : gcs) {
            if (e.kind().startsWith("Pause Full")) {
                continue;
            }
            for (Transfer x : runs) {
                if (!e.at().isBefore(x.start()) && !e.at().isAfter(x.end())) {
                    count++;
                    max = Math.max(max, e.afterMiB());
                    pauses += e.pauseMs();
                }
            }
        }
        return count == 0 ? "no GC" : String.format(Locale.ROOT, "%d; %.0f (%.1f GCs per export)", max,
                pauses / Math.max(1, runs.size()), (double) count / Math.max(1, runs.size()));
    }

    private interface Cell {
        String of(Wave w);
    }

    private static void row(StringBuilder t, List<Wave> waves, String label, Cell cell) {
        t.append("| ").append(label).append(" | ")
                .append(waves.stream().map(cell::of).collect(Collectors.joining(" | "))).append(" |\n");
    }

    private interface Field {
        long of(Transfer t);
    }

    private static long median(List<Transfer> runs, Field field) {
        long[] v = runs.stream().mapToLong(field::of).sorted().toArray();
        if (v.length == 0) {
            return -1;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double ratio(List<Transfer> a, List<Transfer> b) {
        return (double) median(a, Transfer::total) / median(b, Transfer::total);
    }

    private static String seconds(List<Transfer> runs, Field field) {
        long[] v = runs.stream().mapToLong(field::of).sorted().toArray();
        if (v.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", median(runs, field) / 1e9, v[0] / 1e9, v[v.length - 1] / 1e9);
    }

    private static String ttfb(List<Transfer> runs) {
        long max = runs.stream().mapToLong(Transfer::firstByte).max().orElse(-1);
        return String.format(Locale.ROOT, "%.3f (%.3f)", median(runs, Transfer::firstByte) / 1e9, max / 1e9);
    }

    private static String cpu(List<Transfer> runs) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", median(runs, Transfer::serverCpu) / 100.0,
                median(runs, Transfer::postgresCpu) / 100.0, median(runs, Transfer::ownCpu) / 100.0);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    private static String met(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%.1f", d);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void expect(int status, Api.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=… is required");
        }
        return value;
    }

    static void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
