package org.clusterlens.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test that starts (and kills) {@link ServerProcess}es of its own instead of using
 * the shared deployment. It shares nothing in memory with the other classes, so it runs beside
 * them: most of its time is a server starting, which would otherwise hold up the whole run. Two
 * such classes never run at once: on two cores, three servers starting together can take minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterLensIT.DatabaseAvailable.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("own-server")
public @interface OwnServerIT {
}
