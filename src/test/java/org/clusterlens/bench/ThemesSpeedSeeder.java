package org.clusterlens.bench;

import jakarta.json.Json;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * The themes benchmark's study, written with COPY straight into PostgreSQL's tables as the server
 * would have written it one submission at a time: a register of actors, and per wave one
 * invitation, one submitted response (its answers the two resampled comments) and its outbox row
 * per actor. The study, its questionnaire and its waves come from the API beforehand. Ids are taken
 * above each sequence's last value and each sequence is moved a block of 50 past them, so that the
 * server's next ids (EclipseLink takes blocks of 50) never meet them.
 */
final class ThemesSpeedSeeder {
    private static final int CHUNK = 10_000;
    private final Connection c;
    private final CopyManager copy;
    private final long studyId;
    private final long templateVersionId;
    private long firstActor = -1;
    private int actors;

    ThemesSpeedSeeder(Connection c, long studyId, long templateVersionId) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.studyId = studyId;
        this.templateVersionId = templateVersionId;
    }

    /** {@code count} actors; actor {@code i}'s type, sector and size band are ThemesSpeedCorpus.actor(i, seed). */
    void register(int count, long seed) throws SQLException, IOException {
        firstActor = nextId("actor_seq");
        OffsetDateTime at = OffsetDateTime.of(2025, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        try (Writer out = copyIn("COPY actor (id, study_id, external_id, name, type, sector, size_band, location, email,"
                + " phone, created_at, updated_at, row_version, registered_via) FROM STDIN (FORMAT csv)")) {
            for (int i = 0; i < count; i++) {
                ThemesSpeedCorpus.Actor actor = ThemesSpeedCorpus.actor(i, seed);
                line(out, firstActor + i, studyId, String.format("A%06d", i + 1),
                        (actor.type().equals("firm") ? "Practice " : actor.type().equals("institution") ? "Trust " : "Group ")
                                + (i + 1), actor.type(), actor.sector(), actor.sizeBand(), "Nottingham", null, null, at, at, 1,
                        "study_team");
            }
        }
        moveSequence("actor_seq", firstActor + count - 1);
        c.commit();
        actors = count;
    }

    /** One submitted response per answer pair, from actor 0, 1, … of the register; returns the answers written. */
    long wave(long waveId, String[][] answers, OffsetDateTime from) throws SQLException, IOException {
        if (answers.length > actors) {
            throw new IllegalArgumentException("the register has " + actors + " actors, not " + answers.length);
        }
        long invitation0 = nextId("invitation_seq");
        long response0 = nextId("response_seq");
        long outbox0 = nextId("outbox_seq");
        long written = 0;
        for (int start = 0; start < answers.length; start += CHUNK) {
            int end = Math.min(answers.length, start + CHUNK);
            try (Writer out = copyIn("COPY invitation (id, wave_id, actor_id, token_hash, status, opened_at, created_at,"
                    + " row_version) FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    line(out, invitation0 + i, waveId, firstActor + i, InvitationToken.hashOf(InvitationToken.generate().value()),
                            "SUBMITTED", submittedAt(from, i).minusMinutes(30), from.minusDays(3), 3);
                }
            }
            try (Writer out = copyIn("COPY response (id, invitation_id, study_id, wave_id, actor_id, template_version_id,"
                    + " language, status, answers, revision, submission_id, submitted_at, created_at, updated_at, row_version)"
                    + " FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    String json = Json.createObjectBuilder().add(ThemesSpeedCorpus.IMPROVE, answers[i][0])
                            .add(ThemesSpeedCorpus.LIKED, answers[i][1]).build().toString();
                    Random random = new Random(waveId * 1_000_003L + i);
                    OffsetDateTime at = submittedAt(from, i);
                    line(out, response0 + i, invitation0 + i, studyId, waveId, firstActor + i, templateVersionId, "en",
                            "SUBMITTED", json, 1, new UUID(random.nextLong(), random.nextLong()).toString(), at,
                            at.minusMinutes(12), at, 1);
                    written += 2;
                }
            }
            try (Writer out = copyIn("COPY outbox (seq, response_id, kind, created_at) FROM STDIN (FORMAT csv)")) {
                for (int i = start; i < end; i++) {
                    line(out, outbox0 + i, response0 + i, "submitted", submittedAt(from, i));
                }
            }
            c.commit();
        }
        moveSequence("invitation_seq", invitation0 + answers.length - 1);
        moveSequence("response_seq", response0 + answers.length - 1);
        moveSequence("outbox_seq", outbox0 + answers.length - 1);
        c.commit();
        return written;
    }

    private static OffsetDateTime submittedAt(OffsetDateTime from, int i) {
        return from.plusSeconds(i * 37L);
    }

    private long nextId(String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT last_value FROM " + sequence)) {
            r.next();
            return r.getLong(1) + 1;
        }
    }

    private void moveSequence(String sequence, long lastUsed) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT setval('" + sequence + "', ?)")) {
            p.setLong(1, lastUsed + 50);
            p.execute();
        }
    }

    private Writer copyIn(String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy.copyIn(sql), 1 << 20),
                StandardCharsets.UTF_8), 1 << 20);
    }

    /** A line of COPY's CSV: texts quoted, null as nothing. */
    private static void line(Writer out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number || v instanceof OffsetDateTime) {
                out.write(v.toString());
            } else {
                out.write('"');
                out.write(v.toString().replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }
}
