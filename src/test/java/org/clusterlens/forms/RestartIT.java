package org.clusterlens.forms;

import org.clusterlens.testing.Api;
import org.clusterlens.testing.OwnServerIT;
import org.clusterlens.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Stopping and starting the server on the same database: the shipped library is not published
 * again. Runs a server process of its own (on H2 a database file of its own, which the shared
 * server's would lock), stopped as the service manager stops it.
 */
@OwnServerIT
class RestartIT {

    @Test
    void aRestartPublishesNothingNew() throws Exception {
        try (ServerProcess server = new ServerProcess("restart").start()) {
            Map<String, String> before = library(new Api(server.url()));
            assertFalse(before.isEmpty(), "the first start publishes the shipped library");

            server.stop();
            server.start();

            Api api = new Api(server.url());
            assertEquals(before, library(api), "same versions, same hashes");
            for (String id : before.keySet()) {
                long publications = api.get("api/audit?subjectType=template&subjectId=" + id).asAdmin().send().array()
                        .stream().filter(v -> v.asJsonObject().getString("action").equals("PUBLISHED")).count();
                assertEquals(1, publications, id + " was published once, however often the server started");
            }
        }
    }

    /** template id → "version:hash" of every shipped template. */
    private static Map<String, String> library(Api api) {
        Map<String, String> found = new TreeMap<>();
        for (var v : api.get("api/templates").asAdmin().send().array()) {
            var t = v.asJsonObject();
            if ("system".equals(t.getString("createdBy"))) {
                found.put(t.getString("id"), t.getInt("version") + ":" + t.getString("contentHash"));
            }
        }
        return found;
    }
}
