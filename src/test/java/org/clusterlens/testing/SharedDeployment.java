package org.clusterlens.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;

/**
 * The one Payara Micro that every {@link ClusterLensIT} class of a test run talks to: Arquillian's
 * Payara Micro container deploys the WAR the build produced once, at the context root as in
 * production, and it is undeployed when the run ends. A server start costs about 15 s, and the
 * classes need nothing of a fresh server that a fresh database would not give them (the database
 * was already shared between them). Fills each {@link ServerUrl} field with the server's address.
 */
public final class SharedDeployment implements TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDeployment.class);

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
        Server server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> Server.deploy(), Server.class);
        if (server.failure != null) {
            throw new IllegalStateException("the shared Payara Micro did not start", server.failure);
        }
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(ServerUrl.class)) {
                    field.setAccessible(true);
                    field.set(test, server.url);
                }
            }
        }
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record Server(PayaraMicroDeployableContainer container, WebArchive archive, URL url, Exception failure)
            implements ExtensionContext.Store.CloseableResource {

        /** A server that did not start is kept with its failure: every class fails at once, none tries again. */
        static Server deploy() {
            PayaraMicroContainerConfiguration configuration = new PayaraMicroContainerConfiguration();
            configuration.setMicroJar(System.getProperty("payara.microJar", "target/payara-micro.jar"));
            configuration.setCmdOptions(System.getProperty("clusterlens.it.jvm", ""));
            configuration.setExtraMicroOptions(System.getProperty("clusterlens.it.micro", ""));
            configuration.setRandomHttpPort(true);
            configuration.setStartupTimeoutInSeconds(240);
            PayaraMicroDeployableContainer container = new PayaraMicroDeployableContainer();
            WebArchive archive = Deployments.shared();
            try {
                configuration.validate();
                container.setup(configuration);
                container.start();
                HTTPContext http = container.deploy(archive).getContexts(HTTPContext.class).iterator().next();
                return new Server(container, archive,
                        URI.create("http://" + http.getHost() + ":" + http.getPort() + "/").toURL(), null);
            } catch (Exception e) {
                return new Server(container, archive, null, e);
            }
        }

        @Override
        public void close() throws DeploymentException, LifecycleException {
            if (failure != null) {
                container.stop();
                return;
            }
            try {
                container.undeploy(archive);
            } finally {
                container.stop();
            }
        }
    }
}
