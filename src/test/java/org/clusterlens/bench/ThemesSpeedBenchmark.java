package org.clusterlens.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.ItEnvironment;
import org.clusterlens.testing.ServerProcess;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Themes speed (issue 10): indexing resampled answers of the shared free-text corpus through our
 * AnswerIndex rebuild against a bare IndexWriter with the same analyzer, in-process; then, on
 * PostgreSQL through HTTP, the rebuild of a fresh server's index, search latency against the same
 * queries on a plain IndexSearcher (and our own search in-process), the catch-up of a further
 * batch after a restart, and a kill -9 in the middle of a catch-up. Prints markdown on stdout.
 * Run by src/bench/themes-speed.sh.
 */
public final class ThemesSpeedBenchmark {
    private final Map<String, String> options;
    private final Path work;
    private final long seed;
    private final int responses;
    private final int killBatch;
    private final int reps;
    private final int passes;
    private final boolean http;
    private final Map<String, String> loads = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ThemesSpeedCorpus corpus;
    private ThemesSpeedIndexing indexing;
    private final Map<ThemesSpeedIndexing.Variant, List<ThemesSpeedIndexing.Run>> runs =
            new EnumMap<>(ThemesSpeedIndexing.Variant.class);
    private Path bareIndex;
    private Path ourIndex;

    private ThemesSpeedBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "target/themes-speed")).toAbsolutePath();
        this.seed = Long.parseLong(options.getOrDefault("seed", "20261202"));
        // two answers per response
        this.responses = Integer.parseInt(options.getOrDefault("answers", "100000")) / 2;
        this.killBatch = Integer.parseInt(options.getOrDefault("killAnswers", "40000")) / 2;
        this.reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        this.passes = Integer.parseInt(options.getOrDefault("passes", "3"));
        this.http = Boolean.parseBoolean(options.getOrDefault("http", "true"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.out.println(new ThemesSpeedBenchmark(options).run());
    }

    private String run() throws Exception {
        Files.createDirectories(work);
        Path csv = Path.of(required("corpus"));
        corpus = ThemesSpeedCorpus.read(csv);
        log("corpus: " + corpus.all.size() + " comments (" + corpus.first.size() + " to Q1, " + corpus.second.size()
                + " to Q2) from " + csv);
        String[][] first = corpus.resample(responses, seed);
        indexing = new ThemesSpeedIndexing(work.resolve("lucene"), first, seed);
        index();
        StringBuilder out = new StringBuilder();
        out.append(indexingReport());
        if (http) {
            out.append(new Server(first).run());
        }
        out.append("\nLoad average (1/5/15 min) before and after each series:\n\n");
        loads.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n\n");
            notes.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Indexing in-process

    private static final List<ThemesSpeedIndexing.Variant> ORDER = List.of(ThemesSpeedIndexing.Variant.BARE,
            ThemesSpeedIndexing.Variant.OURS, ThemesSpeedIndexing.Variant.STORED_OFFSETS,
            ThemesSpeedIndexing.Variant.PHRASES, ThemesSpeedIndexing.Variant.PHRASES_ONCE,
            ThemesSpeedIndexing.Variant.DOCUMENTS);

    private void index() throws Exception {
        log("indexing " + indexing.answers() + " answers in-process: warm-up, one run of each variant");
        for (ThemesSpeedIndexing.Variant v : ORDER) {
            ThemesSpeedIndexing.Run run = indexing.run(v, "warmup-" + v);
            log("  warm-up " + v + ": " + ms(run.nanos()) + " ms, " + run.documents() + " documents");
            ThemesSpeedIndexing.deleteTree(run.directory());
        }
        load("indexing, before");
        for (int rep = 0; rep < reps; rep++) {
            List<ThemesSpeedIndexing.Variant> order = new ArrayList<>(ORDER);
            if (rep % 2 == 1) {
                // ours and bare stay next to each other, in the other order
                order = new ArrayList<>(List.of(ThemesSpeedIndexing.Variant.OURS, ThemesSpeedIndexing.Variant.BARE,
                        ThemesSpeedIndexing.Variant.DOCUMENTS, ThemesSpeedIndexing.Variant.PHRASES_ONCE,
                        ThemesSpeedIndexing.Variant.PHRASES, ThemesSpeedIndexing.Variant.STORED_OFFSETS));
            }
            for (ThemesSpeedIndexing.Variant v : order) {
                System.gc();
                boolean last = rep == reps - 1;
                String name = last && v == ThemesSpeedIndexing.Variant.BARE ? "bare"
                        : last && v == ThemesSpeedIndexing.Variant.OURS ? "ours" : "run-" + v;
                ThemesSpeedIndexing.Run run = indexing.run(v, name);
                if (run.documents() != indexing.answers()) {
                    throw new IllegalStateException(v + " indexed " + run.documents() + " documents, not " + indexing.answers());
                }
                runs.computeIfAbsent(v, k -> new ArrayList<>()).add(run);
                log("  rep " + (rep + 1) + " " + v + ": " + ms(run.nanos()) + " ms, " + mb(run.bytes()) + " MB");
                if (name.startsWith("run-")) {
                    ThemesSpeedIndexing.deleteTree(run.directory());
                } else if (v == ThemesSpeedIndexing.Variant.BARE) {
                    bareIndex = run.directory();
                } else {
                    ourIndex = run.directory();
                }
            }
        }
        load("indexing, after");
    }

    private double indexingRatio() {
        return median(runs.get(ThemesSpeedIndexing.Variant.OURS)) / median(runs.get(ThemesSpeedIndexing.Variant.BARE));
    }

    private String indexingReport() {
        StringBuilder t = new StringBuilder();
        t.append("### Indexing ").append(fmtInt(indexing.answers())).append(" answers in-process\n\n");
        t.append("| what is indexed | median, s (min–max) | answers/s | ratio to bare (medians) | index on disk, MB |\n");
        t.append("|---|---:|---:|---:|---:|\n");
        double bare = median(runs.get(ThemesSpeedIndexing.Variant.BARE));
        for (ThemesSpeedIndexing.Variant v : List.of(ThemesSpeedIndexing.Variant.BARE,
                ThemesSpeedIndexing.Variant.STORED_OFFSETS, ThemesSpeedIndexing.Variant.PHRASES,
                ThemesSpeedIndexing.Variant.PHRASES_ONCE, ThemesSpeedIndexing.Variant.DOCUMENTS,
                ThemesSpeedIndexing.Variant.OURS)) {
            List<ThemesSpeedIndexing.Run> r = runs.get(v);
            double m = median(r);
            long min = r.stream().mapToLong(ThemesSpeedIndexing.Run::nanos).min().orElseThrow();
            long max = r.stream().mapToLong(ThemesSpeedIndexing.Run::nanos).max().orElseThrow();
            t.append(String.format(Locale.ROOT, "| %s%s | %.2f (%.2f–%.2f) | %,.0f | %.2f× | %.1f |\n",
                    v == ThemesSpeedIndexing.Variant.OURS ? "**" + v.label + "**" : v.label, "", m / 1e9, min / 1e9,
                    max / 1e9, indexing.answers() / (m / 1e9), m / bare, r.getLast().bytes() / 1e6));
        }
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            paired.add((double) runs.get(ThemesSpeedIndexing.Variant.OURS).get(i).nanos()
                    / runs.get(ThemesSpeedIndexing.Variant.BARE).get(i).nanos());
        }
        double ratio = indexingRatio();
        t.append(String.format(Locale.ROOT, "%nOurs / bare, medians: **%.2f×** (each repetition: %s). Target ≤ 1.5×: **%s**.%n%n",
                ratio, String.join(", ", paired.stream().map(d -> String.format(Locale.ROOT, "%.2f×", d)).toList()),
                ratio <= 1.5 ? "MET" : "MISSED"));
        return t.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Through HTTP on PostgreSQL

    /** A search of the fixed set: the query, a question and/or actor type filter, the page. */
    record SpeedQuery(String kind, String q, String question, String actorType, int page) {
        String filters() {
            return (question == null ? "" : "question ") + (actorType == null ? "" : "actorType ") + (page > 1 ? "page " + page : "");
        }
    }

    private List<SpeedQuery> queries() {
        List<String> base = corpus.queries(seed);
        List<SpeedQuery> queries = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            String q = base.get(i);
            String kind = q.endsWith("*") ? "prefix" : q.startsWith("\"") ? "phrase" : q.contains(" OR ") ? "OR"
                    : q.contains(" ") ? "AND" : "word";
            String question = i % 4 == 1 || i % 4 == 3 ? (i % 8 < 4 ? ThemesSpeedCorpus.IMPROVE : ThemesSpeedCorpus.LIKED) : null;
            String actorType = i % 4 >= 2 ? "firm" : null;
            int page = i % 5 == 4 ? 2 + i % 2 : 1;
            queries.add(new SpeedQuery(kind, q, question, actorType, page));
        }
        return queries;
    }

    private final class Server {
        private final String[][] firstBatch;
        private final StringBuilder out = new StringBuilder();
        private String pgUrl;
        private String pgUser;
        private long studyId;
        private long templateVersionId;
        private final List<Long> waves = new ArrayList<>();
        private String bearer;
        private URI base;

        Server(String[][] firstBatch) {
            this.firstBatch = firstBatch;
        }

        String run() throws Exception {
            pgUrl = required("pgUrl");
            pgUser = options.getOrDefault("pgUser", "postgres");
            Path tmp = work.resolve("tmp");
            Files.createDirectories(tmp);
            System.setProperty("clusterlens.it.database", "postgresql");
            System.setProperty("clusterlens.it.dataRoot", work.resolve("servers").toString());
            System.setProperty("payara.microJar", required("micro"));
            System.setProperty("clusterlens.war", required("war"));
            System.setProperty("clusterlens.it.jvm", String.join(" ", List.of(
                    "-Xmx" + options.getOrDefault("xmx", "1g"), "-Djava.io.tmpdir=" + tmp,
                    "-Dclusterlens.admin.email=" + ItEnvironment.ADMIN_EMAIL,
                    "-Dclusterlens.admin.password=" + ItEnvironment.ADMIN_PASSWORD,
                    "-Dclusterlens.db.datasource=org.postgresql.ds.PGSimpleDataSource",
                    "-Dclusterlens.db.url=" + pgUrl, "-Dclusterlens.db.user=" + pgUser)));
            setUp();
            // one connection for all the seeding, closed at the end of the run
            Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
            c.setAutoCommit(false);
            ThemesSpeedSeeder seeder = new ThemesSpeedSeeder(c, studyId, templateVersionId);
            seeder.register(Math.max(responses, killBatch), seed);
            seedWave(c, seeder, 0, firstBatch);
            out.append("### Through HTTP on PostgreSQL\n\n");
            StringBuilder rows = new StringBuilder();
            double bare = median(runs.get(ThemesSpeedIndexing.Variant.BARE)) / 1e9 / indexing.answers();
            try (ServerProcess server = new ServerProcess("server")) {
                // (a) a fresh data directory: the index is built from the tables
                load("rebuild on a fresh server, before");
                long launched = System.nanoTime();
                server.start();
                long ready = System.nanoTime();
                base = server.url().toURI();
                Await a = awaitTotal(2L * responses, Duration.ofMinutes(30));
                load("rebuild on a fresh server, after");
                JsonObject progress = adminProgress();
                double serverSide = Double.NaN;
                if (progress.containsKey("finishedAt") && !progress.isNull("finishedAt")) {
                    serverSide = Duration.between(Instant.parse(progress.getString("startedAt")),
                            Instant.parse(progress.getString("finishedAt"))).toMillis() / 1000.0;
                }
                rows.append(row(String.format(Locale.ROOT, "(a) fresh data directory: rebuild from the tables; the"
                                + " server's rebuild progress says %,d responses read, %.1f s from its start to its swap",
                                progress.getJsonNumber("done").longValue(), serverSide), 2L * responses, launched, ready,
                        a.doneAt(), 2L * responses / serverSide, serverSide / (2L * responses) / bare));

                // (c) search latency, with the index of the first batch only
                String search = searchLatency();

                // (b) stopped, a further batch written, restarted with the index in place
                server.stop();
                seedWave(c, seeder, 1, corpus.resample(responses, seed + 1));
                load("catch-up after a restart, before");
                launched = System.nanoTime();
                server.start();
                ready = System.nanoTime();
                Await b = awaitTotal(4L * responses, Duration.ofMinutes(30));
                load("catch-up after a restart, after");
                rows.append(row(String.format(Locale.ROOT, "(b) restart with the index present (%,d answers): catch-up"
                                + " of a further batch from the outbox; %,d already searchable when the server was ready",
                                2L * responses, b.firstTotal() - 2L * responses), 2L * responses, launched, ready, b.doneAt(),
                        b.rate(), 1 / b.rate() / bare));

                // kill -9 half-way through the catch-up of a third batch
                server.stop();
                seedWave(c, seeder, 2, corpus.resample(killBatch, seed + 2));
                long expected = 4L * responses + 2L * killBatch;
                load("kill -9 during a catch-up, before");
                server.start();
                await(4L * responses + killBatch, Duration.ofMinutes(30), true);
                long atKill = total(searchOnce(null));
                server.kill();
                log("killed (kill -9) with " + atKill + " of " + expected + " answers searchable");
                launched = System.nanoTime();
                server.start();
                ready = System.nanoTime();
                Await k = awaitTotal(expected, Duration.ofMinutes(30));
                load("kill -9 during a catch-up, after");
                String exact = exactly();
                rows.append(row(String.format(Locale.ROOT, "(b′) kill -9 half-way through the catch-up of a third batch"
                                + " of %,d answers (killed with %,d of them searchable), restart; %,d searchable when ready",
                                2L * killBatch, atKill - 4L * responses, k.firstTotal() - 4L * responses), expected - atKill,
                        launched, ready, k.doneAt(), k.rate(), 1 / k.rate() / bare));
                server.stop();
                out.append("| | answers | launch → ready, s | ready → all searchable, s | launch → all searchable, s"
                        + " | answers/s while indexing | time per answer ÷ bare IndexWriter's |\n");
                out.append("|---|---:|---:|---:|---:|---:|---:|\n").append(rows).append('\n');
                out.append("After the kill and restart: ").append(exact).append("\n\n");
                out.append(search);
            } finally {
                c.close();
            }
            return out.toString();
        }

        /** A server of its own for the API calls that make the study, then stopped. */
        private void setUp() throws Exception {
            try (ServerProcess setup = new ServerProcess("setup")) {
                long t0 = System.nanoTime();
                setup.start();
                log("set-up server ready in " + ms(System.nanoTime() - t0) + " ms");
                Api api = new Api(setup.url());
                String templateId = "patient-feedback";
                expect(201, api.post("api/templates", template(templateId)).asAdmin().send());
                expect(200, api.post("api/templates/" + templateId + "/versions/1/publication", "").asAdmin().send());
                Api.Reply study = api.post("api/studies", """
                        {"name": "Patient feedback, three trusts (themes benchmark)", "product": "community health services",
                         "place": "East Midlands", "languages": ["en"], "defaultLanguage": "en", "k": 5}""").asAdmin().send();
                expect(201, study);
                studyId = study.json().getJsonNumber("id").longValue();
                for (String type : List.of("firm", "institution", "other")) {
                    expect(200, api.put("api/studies/" + studyId + "/templates/" + type,
                            "{\"templateId\": \"" + templateId + "\", \"version\": 1}").asAdmin().send());
                }
                for (String name : List.of("Baseline 2025", "Follow-up 2026", "Third wave")) {
                    Api.Reply wave = api.post("api/studies/" + studyId + "/waves",
                            "{\"name\": \"" + name + "\", \"opensOn\": \"2025-09-01\", \"closesOn\": \"2026-12-31\"}").asAdmin().send();
                    expect(201, wave);
                    waves.add(wave.json().getJsonNumber("id").longValue());
                }
                Api.Reply token = api.post("api/tokens", "{\"name\": \"themes benchmark\"}").asAdmin().send();
                expect(201, token);
                bearer = token.json().getString("token");
                setup.stop();
            }
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
                 PreparedStatement p = c.prepareStatement("SELECT template_version_id FROM study_template WHERE study_id = ?"
                         + " AND actor_type = 'firm'")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    templateVersionId = r.getLong(1);
                }
            }
        }

        private void seedWave(Connection c, ThemesSpeedSeeder seeder, int wave, String[][] answers) throws Exception {
            long t0 = System.nanoTime();
            long written = seeder.wave(waves.get(wave), answers, OffsetDateTime.of(2025, 9, 8 + wave, 8, 0, 0, 0, ZoneOffset.UTC));
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) actor, invitation, response, outbox");
                s.execute("CHECKPOINT");
            }
            c.setAutoCommit(false);
            log("wave " + waves.get(wave) + ": " + answers.length + " responses, " + written + " answers written in "
                    + ms(System.nanoTime() - t0) + " ms (COPY, with their outbox rows)");
        }

        /**
         * Polls the study's search every second (a search of every answer, with its facets, costs the
         * server some CPU: a JFR recording found 16 % of its samples there when polled every 100 ms) until {@code expected} answers are searchable in a
         * complete index. The rate is that of the answers that became searchable from the first
         * poll on (NaN when they all came at once, as a rebuild's swap brings them).
         */
        private Await awaitTotal(long expected, Duration timeout) throws Exception {
            return await(expected, timeout, false);
        }

        /** {@code atLeast}: more than {@code expected} is as awaited (a batch still being read), not a surprise. */
        private Await await(long expected, Duration timeout, boolean atLeast) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastLog = System.nanoTime();
            long firstAt = -1;
            long firstTotal = 0;
            while (System.nanoTime() < deadline) {
                long at = System.nanoTime();
                JsonObject page = searchOnce(null);
                long total = total(page);
                if (firstAt < 0) {
                    firstAt = at;
                    firstTotal = total;
                }
                if (page.getBoolean("complete") && total >= expected) {
                    long now = System.nanoTime();
                    if (total != expected && !atLeast) {
                        notes.put("more than expected", total + " answers searchable where " + expected + " were awaited");
                    }
                    return new Await(firstAt, firstTotal, now, expected);
                }
                if (System.nanoTime() - lastLog > 10_000_000_000L) {
                    log("  " + total + " of " + expected + " answers searchable (complete " + page.getBoolean("complete") + ")");
                    lastLog = System.nanoTime();
                }
                Thread.sleep(1_000);
            }
            throw new IllegalStateException("the index did not reach " + expected + " answers within " + timeout);
        }

        private JsonObject adminProgress() throws Exception {
            HttpResponse<String> r = client.send(request("api/admin/themes/rebuild"), HttpResponse.BodyHandlers.ofString());
            return json(r.body());
        }

        private JsonObject searchOnce(Long wave) throws Exception {
            String path = "api/studies/" + studyId + "/search?size=1" + (wave == null ? "" : "&wave=" + wave);
            HttpResponse<String> r = client.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
            }
            return json(r.body());
        }

        /** Total and per wave, against the database's own count of answers. */
        private String exactly() throws Exception {
            List<String> parts = new ArrayList<>();
            boolean same = true;
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
                 PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM response WHERE study_id = ? AND wave_id = ?"
                         + " AND status = 'SUBMITTED'")) {
                long sum = 0;
                for (long wave : waves) {
                    p.setLong(1, studyId);
                    p.setLong(2, wave);
                    long db;
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        db = 2 * r.getLong(1);
                    }
                    long indexed = total(searchOnce(wave));
                    sum += db;
                    same &= db == indexed;
                    parts.add(String.format(Locale.ROOT, "wave %d: %,d answers in the database, %,d searchable", wave, db, indexed));
                }
                long indexed = total(searchOnce(null));
                same &= indexed == sum;
                parts.add(String.format(Locale.ROOT, "in all %,d and %,d", sum, indexed));
            }
            return (same ? "the index holds exactly the stored answers (" : "**the index and the database differ** (")
                    + String.join("; ", parts) + ").";
        }

        private HttpRequest request(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                    .timeout(Duration.ofSeconds(60)).GET().build();
        }

        private String searchPath(SpeedQuery q) {
            StringBuilder path = new StringBuilder("api/studies/" + studyId + "/search?q=" + encode(q.q()));
            if (q.question() != null) {
                path.append("&question=").append(q.question());
            }
            if (q.actorType() != null) {
                path.append("&actorType=").append(q.actorType());
            }
            return path.append("&page=").append(q.page()).append("&size=20").toString();
        }

        private String searchLatency() throws Exception {
            StringBuilder out = new StringBuilder();
            List<SpeedQuery> queries = queries();
            log("search: " + queries.size() + " queries, " + passes + " passes, each query over HTTP, our search"
                    + " in-process and the bare IndexSearcher in turn");
            try (ThemesSpeedIndexing.BareSearch bare = new ThemesSpeedIndexing.BareSearch(bareIndex, indexing.analysis());
                 ThemesSpeedIndexing.OurSearch ours = indexing.new OurSearch(ourIndex)) {
                List<HttpRequest> requests = queries.stream().map(q -> request(searchPath(q))).toList();
                // warm-up: every query twice each way, unmeasured
                int mismatches = 0;
                int unfiltered = 0;
                for (int w = 0; w < 2; w++) {
                    for (int i = 0; i < queries.size(); i++) {
                        SpeedQuery q = queries.get(i);
                        HttpResponse<String> r = client.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
                        }
                        long viaHttp = total(json(r.body()));
                        long inProcess = ours.search(q.q(), q.question(), q.actorType(), q.page(), 20);
                        bare.search(q.q(), q.page() * 20);
                        long plain = w == 0 ? bare.count(q.q()) : 0;
                        if (w == 0 && q.question() == null && q.actorType() == null) {
                            unfiltered++;
                            if (viaHttp != plain || inProcess != plain) {
                                mismatches++;
                                log("  totals differ for " + q + ": HTTP " + viaHttp + ", ours in-process " + inProcess
                                        + ", bare " + plain);
                            }
                        }
                    }
                }
                notes.put("search totals", String.format(Locale.ROOT, "of the %d queries without a filter, %d had the"
                        + " same total over HTTP, in our search in-process and in the bare IndexSearcher (its count())", unfiltered,
                        unfiltered - mismatches));
                load("search latency, before");
                List<Long> viaHttp = new ArrayList<>();
                List<Long> oursInProcess = new ArrayList<>();
                List<Long> plain = new ArrayList<>();
                Map<String, List<Long>> httpByKind = new LinkedHashMap<>();
                Map<String, List<Long>> bareByKind = new LinkedHashMap<>();
                for (int pass = 0; pass < passes; pass++) {
                    for (int i = 0; i < queries.size(); i++) {
                        SpeedQuery q = queries.get(i);
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = client.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(q + " answered " + r.statusCode());
                        }
                        ours.search(q.q(), q.question(), q.actorType(), q.page(), 20);
                        long t2 = System.nanoTime();
                        bare.search(q.q(), q.page() * 20);
                        long t3 = System.nanoTime();
                        viaHttp.add(t1 - t0);
                        oursInProcess.add(t2 - t1);
                        plain.add(t3 - t2);
                        String kind = q.kind() + (q.question() != null || q.actorType() != null ? ", filtered" : "");
                        httpByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(t1 - t0);
                        bareByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(t3 - t2);
                        if (q.page() > 1) {
                            httpByKind.computeIfAbsent("page 2 or 3", k -> new ArrayList<>()).add(t1 - t0);
                            bareByKind.computeIfAbsent("page 2 or 3", k -> new ArrayList<>()).add(t3 - t2);
                        }
                    }
                }
                load("search latency, after");
                // one more pass, not measured, with the server recording JFR: where an HTTP search's time goes
                Path jfr = work.resolve("search.jfr");
                if (jcmd("JFR.start", "name=search", "settings=profile", "filename=" + jfr)) {
                    for (HttpRequest request : requests) {
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    jcmd("JFR.stop", "name=search");
                    log("server JFR of an unmeasured search pass: " + jfr);
                }
                out.append("\n#### Search latency on ").append(fmtInt(2L * responses)).append(" answers\n\n");
                out.append(queries.size()).append(" fixed queries × ").append(passes)
                        .append(" passes, sequential, each query over HTTP, then in-process through our search, then on the bare index; ms:\n\n");
                out.append("| | samples | p50 | p95 | p99 | max | mean |\n|---|---:|---:|---:|---:|---:|---:|\n");
                out.append(latencyRow("bare IndexSearcher in-process (text_en only; parse, top hits to the page's depth, no filter, no facets)", plain));
                out.append(latencyRow("our search in-process (AnswerQuery over 6 language fields, study and filters, facets, snippets, stored fields)", oursInProcess));
                out.append(latencyRow("**`GET /api/studies/{id}/search` over HTTP** (API token)", viaHttp));
                double p99 = percentile(viaHttp, 99) / 1e6;
                out.append(String.format(Locale.ROOT, "%nHTTP / bare: p50 %.1f×, p99 %.1f×; our search in-process / bare: p50 %.1f×, p99 %.1f×. Target p99 < 50 ms through HTTP: **%s** (%.1f ms).%n%n",
                        percentile(viaHttp, 50) / percentile(plain, 50), percentile(viaHttp, 99) / percentile(plain, 99),
                        percentile(oursInProcess, 50) / percentile(plain, 50), percentile(oursInProcess, 99) / percentile(plain, 99),
                        p99 < 50 ? "MET" : "MISSED", p99));
                out.append("| kind of query | samples | HTTP p50 | HTTP p99 | bare p50 | bare p99 |\n|---|---:|---:|---:|---:|---:|\n");
                for (var e : httpByKind.entrySet()) {
                    List<Long> b = bareByKind.get(e.getKey());
                    out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.2f |%n", e.getKey(), e.getValue().size(),
                            percentile(e.getValue(), 50) / 1e6, percentile(e.getValue(), 99) / 1e6,
                            percentile(b, 50) / 1e6, percentile(b, 99) / 1e6));
                }
                out.append('\n');
                StringBuilder examples = new StringBuilder();
                for (int i = 0; i < queries.size(); i += 23) {
                    examples.append(examples.isEmpty() ? "" : ", ").append('`').append(queries.get(i).q()).append('`')
                            .append(queries.get(i).filters().isBlank() ? "" : " (" + queries.get(i).filters().strip() + ")");
                }
                notes.put("some of the queries", examples.toString());
            }
            return out.toString();
        }
    }

    /** Runs jcmd against the server (the harness's Payara Micro child); false if that failed. */
    private static boolean jcmd(String... command) {
        try {
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(BenchServer.pid())));
            args.addAll(List.of(command));
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            log("jcmd " + String.join(" ", command) + " failed: " + e);
            return false;
        }
    }

    /** When the first poll was made and what it found; when the last found everything. */
    record Await(long firstAt, long firstTotal, long doneAt, long expected) {
        double rate() {
            return firstTotal >= expected || doneAt == firstAt ? Double.NaN
                    : (expected - firstTotal) / ((doneAt - firstAt) / 1e9);
        }
    }

    private static String row(String label, long answers, long launched, long ready, long done, double rate, double ratio) {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %,.0f | %.1f× |%n", label, answers,
                (ready - launched) / 1e9, (done - ready) / 1e9, (done - launched) / 1e9, rate, ratio);
    }

    private static String latencyRow(String label, List<Long> samples) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label, samples.size(),
                percentile(samples, 50) / 1e6, percentile(samples, 95) / 1e6, percentile(samples, 99) / 1e6,
                samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                samples.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
    }

    /** Nearest rank. */
    static double percentile(List<Long> samples, double p) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String template(String id) {
        return """
                {"id": "%s",
                 "title": {"en": "Patient feedback"},
                 "languages": ["en"], "defaultLanguage": "en",
                 "choiceLists": {"visits": [{"value": "first", "label": {"en": "First visit"}},
                                            {"value": "repeat", "label": {"en": "Repeat visit"}}]},
                 "sections": [{"name": "feedback", "title": {"en": "Your feedback"}, "items": [
                   {"type": "select_one", "name": "visit", "choices": "visits", "label": {"en": "Was this your first visit?"}},
                   {"type": "long_text", "name": "%s", "label": {"en": "What could we have done better?"}},
                   {"type": "long_text", "name": "%s", "label": {"en": "What did we do well?"}}
                 ]}]}""".formatted(id, ThemesSpeedCorpus.IMPROVE, ThemesSpeedCorpus.LIKED);
    }

    // ------------------------------------------------------------------------------------------

    private void load(String when) {
        try {
            String avg = Files.readString(Path.of("/proc/loadavg")).strip();
            String[] parts = avg.split(" ");
            String value = parts[0] + " / " + parts[1] + " / " + parts[2];
            loads.put(when, value);
            log("load average " + when + ": " + value);
        } catch (java.io.IOException e) {
            loads.put(when, "unknown");
        }
    }

    private static long total(JsonObject page) {
        return page.getJsonNumber("total").longValue();
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double median(List<ThemesSpeedIndexing.Run> runs) {
        long[] sorted = runs.stream().mapToLong(ThemesSpeedIndexing.Run::nanos).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
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

    private static String fmtInt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

}
