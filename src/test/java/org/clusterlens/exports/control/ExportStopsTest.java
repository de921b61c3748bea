package org.clusterlens.exports.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jakarta.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that goes away mid-download ends the reading of responses, in every format. */
class ExportStopsTest {
    private static final int RESPONSES = 20_000;
    private static final Random random = new Random(7);

    @ParameterizedTest
    @EnumSource(ExportOptions.Format.class)
    void aClientThatGoesAwayStopsTheWork(ExportOptions.Format format) {
        ExportOptions options = ExportFixture.options(format);
        AtomicInteger read = new AtomicInteger();
        ExportFiles files = new ExportFiles(ExportFixture.layout(options, true), options);
        assertThrows(IOException.class, () -> files.write(consumer -> {
            for (int i = 0; i < RESPONSES; i++) {
                read.incrementAndGet();
                consumer.accept(varied(i));
            }
        }, new GoneAfter(32 * 1024)));
        assertTrue(read.get() < RESPONSES / 4, format + " read " + read.get() + " responses after the client left");
    }

    /** Answers that differ from one response to the next, as real ones do, so that a ZIP cannot shrink them to nothing. */
    private static ExportedResponse varied(int i) {
        ExportedResponse base = ExportFixture.RESPONSES.get(i % 3);
        String story = Long.toHexString(random.nextLong()) + " " + Long.toHexString(random.nextLong());
        return new ExportedResponse(i, base.pseudonym(), base.externalId(), base.actorName(), base.actorType(),
                base.submittedAt(), base.language(), base.version(),
                Json.createObjectBuilder(base.answers()).add("story", story).build());
    }

    /** Takes so many bytes, then fails as a socket whose peer has closed. */
    private static final class GoneAfter extends OutputStream {
        private long left;

        GoneAfter(long bytes) {
            left = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            left -= len;
            if (left < 0) {
                throw new IOException("Broken pipe");
            }
        }
    }
}
