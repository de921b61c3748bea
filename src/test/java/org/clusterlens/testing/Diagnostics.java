package org.clusterlens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** What a failing test prints to explain itself when the cause lies outside the application. */
final class Diagnostics {
    private Diagnostics() {
    }

    /**
     * The sockets listening on a port and the Payara Micro processes of this machine, which of them
     * holds the port, and since when (Linux /proc; elsewhere just the processes).
     */
    static String listenersAndServers(int port) {
        Set<String> inodes = listeningInodes(port);
        StringBuilder out = new StringBuilder("Sockets listening on port " + port + ": " + inodes.size() + "\n");
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .forEach(p -> out.append(holds(p.pid(), inodes) ? "  HOLDS THE PORT " : "  ")
                        .append("pid ").append(p.pid())
                        .append(" since ").append(p.info().startInstant().map(Instant::toString).orElse("?"))
                        .append(": ").append(p.info().commandLine().orElse("?")).append('\n'));
        return out.toString();
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    // local address, then state 0A = LISTEN; the inode is the tenth column
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: the process list still helps
            }
        }
        return inodes;
    }

    private static boolean holds(long pid, Set<String> inodes) {
        List<String> sockets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    sockets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed while listing
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return sockets.stream().anyMatch(s -> inodes.stream().anyMatch(i -> s.equals("socket:[" + i + "]")));
    }
}
