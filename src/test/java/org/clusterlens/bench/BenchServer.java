package org.clusterlens.bench;

import java.time.Duration;
import java.util.Optional;

/** The Payara Micro server a benchmark started as its child process. */
final class BenchServer {

    private BenchServer() {
    }

    static long pid() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Payara Micro child process"));
    }

    /** Asks the server to stop and waits up to a minute; false if it is still running then. */
    static boolean stopGracefully(long pid) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        handle.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (handle.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !handle.get().isAlive();
    }
}
