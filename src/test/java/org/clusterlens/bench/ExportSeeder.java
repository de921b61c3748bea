package org.clusterlens.bench;

import jakarta.json.JsonObject;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.responses.control.LinkableActors;
import org.clusterlens.responses.control.SubmissionValidator;
import org.clusterlens.studies.control.InvitationToken;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Writes a study's register, and a wave's invitations and submitted responses, straight into
 * PostgreSQL's tables with COPY, as the server would have written them one submission at a time:
 * the study, its template assignment and its waves come from the API beforehand, so the schema and
 * the template are the real ones. Each response's answers come from {@link AnswerGenerator} and
 * then from the server's own {@link SubmissionValidator} for the study's template version, whose
 * cleaned answers are stored exactly as the server stores them (irrelevant answers dropped,
 * calculations recomputed); an answer set it refuses stops the run.
 * <p>
 * Ids are taken above each sequence's last value, and each sequence is then moved past the ids
 * written, by a whole block of 50, so that the running server's next ids (EclipseLink reads a
 * sequence value as the end of a block of 50) never collide with them.
 */
final class ExportSeeder {
    private static final int CHUNK = 5_000;
    private static final String[] SECTORS = {"food_processing", "food_processing", "food_processing", "bakery",
            "textiles", "woodwork", "metalwork", "cosmetics"};
    private static final String[] SIZES = {"micro", "micro", "micro", "small", "small", "medium"};
    private static final String[] PLACES = {"Thiès", "Thiès", "Thiès", "Mbour", "Tivaouane", "Khombole", "Pout",
            "Joal-Fadiouth", "Mékhé"};

    private final Connection c;
    private final CopyManager copy;
    private final long studyId;
    private final long templateVersionId;
    private final AnswerGenerator generator;
    private final SubmissionValidator validator;
    private final long seed;
    private final List<Long> actors = new ArrayList<>();
    private Set<Long> register = Set.of();

    ExportSeeder(Connection c, long studyId, long templateVersionId, JsonObject template, long seed) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.studyId = studyId;
        this.templateVersionId = templateVersionId;
        this.generator = new AnswerGenerator(template);
        this.validator = new SubmissionValidator(TemplateModel.from(template));
        this.seed = seed;
    }

    AnswerGenerator generator() {
        return generator;
    }

    SubmissionValidator validator() {
        return validator;
    }

    /** The answers a respondent would send and those the server keeps of them, for response {@code index} of a wave. */
    record Answers(JsonObject sent, String kept, String language) {
    }

    /** Deterministic for (seed, wave, index), whichever thread makes it. */
    Answers answers(long waveId, int index, long self, List<Long> linkableRegister, Set<Long> known) {
        Random random = new Random(seed * 1_000_003L + waveId * 7_919L + index);
        boolean french = random.nextInt(100) < 70;
        JsonObject sent = generator.answers(random, linkableRegister, french);
        SubmissionValidator.Result result = validator.validate(sent, french ? "fr" : "en", LocalDate.now(), linkableIn(known, self));
        if (!result.valid()) {
            throw new IllegalStateException("the generated answers of response " + index + " are refused: "
                    + result.errors() + "\n" + sent);
        }
        return new Answers(sent, result.answers().toString(), french ? "fr" : "en");
    }

    static LinkableActors linkableIn(Set<Long> known, long self) {
        return ids -> {
            Set<Long> among = new HashSet<>(ids);
            among.retainAll(known);
            among.remove(self);
            return among;
        };
    }

    /** {@code count} firms in the study's register. */
    void actors(int count) throws SQLException, IOException {
        long first = above("actor_seq");
        OffsetDateTime created = OffsetDateTime.of(2025, 11, 3, 9, 0, 0, 0, ZoneOffset.UTC);
        Random random = new Random(seed);
        try (Writer out = copyIn("COPY actor (id, study_id, external_id, name, type, sector, size_band, location, email,"
                + " phone, created_at, updated_at, row_version, registered_via) FROM STDIN (FORMAT csv)")) {
            for (int i = 0; i < count; i++) {
                long id = first + i;
                String family = pick(random, new String[] {"Ndiaye", "Diop", "Fall", "Sène", "Guèye", "Mbaye", "Kâ",
                        "Thiam", "Sarr", "Faye", "Cissé", "Bâ", "Sow", "Dièye", "Ndour", "Niang", "Touré", "Lô"});
                String name = pick(random, new String[] {"Boulangerie", "Atelier", "Menuiserie", "Coopérative", "GIE",
                        "Ets", "Savonnerie", "Laiterie", "Couture", "Huilerie", "Pâtisserie"}) + " " + family
                        + pick(random, new String[] {"", " & Fils", " SARL", " et Frères", " « Teranga »", ""});
                boolean email = random.nextInt(100) < 40;
                row(out, id, studyId, String.format("F%06d", i + 1), name, "firm", pick(random, SECTORS),
                        pick(random, SIZES), pick(random, PLACES),
                        email ? "contact" + (i + 1) + "@entreprise-" + Math.abs(family.hashCode() % 97) + ".sn" : null,
                        random.nextInt(100) < 60 ? String.format("+221 77 %03d %02d %02d", random.nextInt(1000),
                                random.nextInt(100), random.nextInt(100)) : null,
                        created, created, 1, "study_team");
                actors.add(id);
            }
        }
        advance("actor_seq", first + count - 1);
        register = Set.copyOf(actors);
    }

    /**
     * {@code count} submitted responses in the wave, from the first {@code count} firms of the
     * register, submitted one after the other between {@code from} and {@code to}.
     *
     * @return the characters of answers written
     */
    long wave(long waveId, int count, OffsetDateTime from, OffsetDateTime to) throws SQLException, IOException {
        if (count > actors.size()) {
            throw new IllegalArgumentException("the register has " + actors.size() + " firms, not " + count);
        }
        long firstInvitation = above("invitation_seq");
        long firstResponse = above("response_seq");
        long firstOutbox = above("outbox_seq");
        long step = Duration.between(from, to).toMillis() / count;
        long characters = 0;
        AtomicInteger done = new AtomicInteger();
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            // generating and validating is most of the work: both cores
            List<Answers> answers = IntStream.range(start, end).parallel()
                    .mapToObj(i -> answers(waveId, i, actors.get(i), without(actors, i), register)).toList();
            try (Writer invitations = copyIn("COPY invitation (id, wave_id, actor_id, token_hash, status, opened_at,"
                    + " created_at, row_version) FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    OffsetDateTime submitted = from.plusNanos((i * step + (i * 7_919L % step)) * 1_000_000L);
                    row(invitations, firstInvitation + i, waveId, actors.get(i),
                            InvitationToken.hashOf(InvitationToken.generate().value()), "SUBMITTED",
                            submitted.minusMinutes(25 + i % 40), from.minusDays(2), 3);
                }
            }
            try (Writer responses = copyIn("COPY response (id, invitation_id, study_id, wave_id, actor_id,"
                    + " template_version_id, language, status, answers, revision, submission_id, submitted_at, created_at,"
                    + " updated_at, row_version) FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    OffsetDateTime submitted = from.plusNanos((i * step + (i * 7_919L % step)) * 1_000_000L);
                    Answers a = answers.get(i - start);
                    characters += a.kept().length();
                    Random random = new Random(seed * 31 + waveId * 1_000_003L + i);
                    row(responses, firstResponse + i, firstInvitation + i, studyId, waveId, actors.get(i),
                            templateVersionId, a.language(), "SUBMITTED", a.kept(),
                            1 + random.nextInt(4), new UUID(random.nextLong(), random.nextLong()).toString(), submitted,
                            submitted.minusMinutes(20 + i % 30), submitted, 1);
                }
            }
            try (Writer outbox = copyIn("COPY outbox (seq, response_id, kind, created_at) FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    OffsetDateTime submitted = from.plusNanos((i * step + (i * 7_919L % step)) * 1_000_000L);
                    row(outbox, firstOutbox + i, firstResponse + i, "submitted", submitted);
                }
            }
            c.commit();
            int n = done.addAndGet(end - start);
            if (n % 20_000 == 0 || n == count) {
                ExportBenchmark.log("  wave " + waveId + ": " + n + " of " + count + " responses written");
            }
        }
        advance("invitation_seq", firstInvitation + count - 1);
        advance("response_seq", firstResponse + count - 1);
        advance("outbox_seq", firstOutbox + count - 1);
        c.commit();
        return characters;
    }

    /** The first id above every block the sequence has handed out. */
    private long above(String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT last_value FROM " + sequence)) {
            r.next();
            return r.getLong(1) + 1;
        }
    }

    /** The next block handed out starts right after {@code last}. */
    private void advance(String sequence, long last) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT setval('" + sequence + "', ?)")) {
            p.setLong(1, last + 50);
            p.execute();
        }
    }

    private Writer copyIn(String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy.copyIn(sql), 1 << 20),
                StandardCharsets.UTF_8), 1 << 20);
    }

    /** One line of COPY's CSV format: every text quoted, NULL as nothing. */
    private static void row(Writer out, Object... fields) throws IOException {
        for (int f = 0; f < fields.length; f++) {
            if (f > 0) {
                out.write(',');
            }
            Object field = fields[f];
            switch (field) {
                case null -> {
                }
                case Number n -> out.write(n.toString());
                case OffsetDateTime t -> out.write(t.toString());
                default -> {
                    out.write('"');
                    out.write(field.toString().replace("\"", "\"\""));
                    out.write('"');
                }
            }
        }
        out.write('\n');
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The list without its element {@code skip}, without copying it. */
    static List<Long> without(List<Long> list, int skip) {
        return new java.util.AbstractList<>() {
            @Override
            public Long get(int index) {
                return list.get(index < skip ? index : index + 1);
            }

            @Override
            public int size() {
                return list.size() - 1;
            }
        };
    }

    List<Long> actorIds() {
        return actors;
    }
}
