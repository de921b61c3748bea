package org.clusterlens.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.clusterlens.platform.Database;
import org.clusterlens.platform.DataDirectory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/** {@code /health/ready}: the database answers and the data directory can be written. */
@ApplicationScoped
public class ReadinessChecks {
    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DataDirectory dataDirectory;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection c = dataSource.getConnection()) {
                return HealthCheckResponse.named("database").status(c.isValid(2))
                        .withData("product", c.getMetaData().getDatabaseProductName()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck dataDir() {
        return () -> {
            Path dir = dataDirectory.root();
            boolean ok = Files.isDirectory(dir) && Files.isWritable(dir);
            return HealthCheckResponse.named("data-directory").status(ok).withData("path", dir.toString()).build();
        };
    }
}
