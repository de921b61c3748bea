package org.clusterlens.forms;

import org.clusterlens.testing.Api;
import org.clusterlens.testing.ClusterLensIT;
import org.clusterlens.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URL;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Stopping and starting the server on the same database: the shipped library is not published
 * again and what agents made is still there. The steps are ordered because Arquillian can only
 * hand a test the address of a server that is already running.
 */
@ClusterLensIT
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {
    private static final String APP = "restartable";
    private static Map<String, String> before;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    @Order(1)
    void start() {
        deployer.deploy(APP);
    }

    @Test
    @Order(2)
    void firstStartHasTheShippedLibrary(@ArquillianResource @OperateOnDeployment(APP) URL base) {
        before = library(new Api(base));
        assertFalse(before.isEmpty());
    }

    @Test
    @Order(3)
    void restart() {
        deployer.undeploy(APP);
        deployer.deploy(APP);
    }

    @Test
    @Order(4)
    void restartPublishesNothingNew(@ArquillianResource @OperateOnDeployment(APP) URL base) {
        Api api = new Api(base);
        assertEquals(before, library(api), "same versions, same hashes");
        for (String id : before.keySet()) {
            long publications = api.get("api/audit?subjectType=template&subjectId=" + id).asAdmin().send().array()
                    .stream().filter(v -> v.asJsonObject().getString("action").equals("PUBLISHED")).count();
            assertEquals(1, publications, id + " was published once, however often the server started");
        }
    }

    @Test
    @Order(5)
    void stop() {
        deployer.undeploy(APP);
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
