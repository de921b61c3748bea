package org.clusterlens.studies;

import jakarta.json.JsonObject;
import org.clusterlens.testing.Api;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.OwnServerIT;
import org.clusterlens.testing.ServerProcess;
import org.clusterlens.testing.StudyFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invitation emails that cannot go out say so: a mail server that never answers makes the email
 * fail with its reason, and an email still queued when the server is killed is marked failed at
 * the next start (its token was only in memory). Runs its own server process, pointed at a mail
 * server that accepts connections and then stays silent.
 */
@OwnServerIT
class InvitationEmailFailuresIT {

    @Test
    void anUnreachableMailServerAndAKilledServerLeaveInvitationsThatSayTheirEmailFailed() throws Exception {
        try (SilentMailServer silent = new SilentMailServer();
             ServerProcess server = new ServerProcess("silent-mail")
                     .with("-Dclusterlens.mail.smtp.host=127.0.0.1")
                     .with("-Dclusterlens.mail.smtp.port=" + silent.port())
                     .with("-Dclusterlens.mail.smtp.timeout=2").start()) {
            Api api = new Api(server.url());
            StudyFixtures fixtures = new StudyFixtures(api);
            StudyFixtures.Ready ready = fixtures.study(Fixtures.uniqueId("silent"), "en");
            String domain = Fixtures.uniqueId("silent") + ".example.org";
            assertEquals(200, fixtures.importActors(ready.studyId(), StudyFixtures.HEADER
                    + "S1,Waits in vain,firm,,,,first@" + domain + ",\r\n"
                    + "S2,Killed in the queue,firm,,,,second@" + domain + ",\r\n").status());
            Map<String, Long> actors = fixtures.actors(ready.studyId());

            var first = invite(api, ready, actors.get("S1"));
            assertEquals("queued", first.getString("emailStatus"));
            JsonObject failed = fixtures.awaitEmailStatus(ready, first.getJsonNumber("invitationId").longValue(),
                    "failed", Duration.ofSeconds(60));
            assertTrue(failed.getString("emailError").contains("mail server"), failed::toString);

            var second = invite(api, ready, actors.get("S2"));
            assertEquals("queued", second.getString("emailStatus"));
            long secondId = second.getJsonNumber("invitationId").longValue();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (silent.connections() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, silent.connections(), "the second email is on its way when the server dies");
            server.kill();
            server.start();

            JsonObject abandoned = new StudyFixtures(new Api(server.url()))
                    .awaitEmailStatus(ready, secondId, "failed", Duration.ofSeconds(5));
            assertTrue(abandoned.getString("emailError").contains("send a reminder"), abandoned::toString);
        }
    }

    private static JsonObject invite(Api api, StudyFixtures.Ready ready, long actorId) {
        var reply = api.post(ready.wavePath() + "/invitations", "{\"actorIds\": [" + actorId + "], \"send\": true}")
                .asAdmin().send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getJsonObject(0);
    }

    /** Accepts SMTP connections and never sends the greeting, as a mail server that has hung. */
    private static final class SilentMailServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentMailServer() throws IOException {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
