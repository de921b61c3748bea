import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the JavaScript tests (every *.test.mjs under the given folder) with `node --test`, for the
 * Maven test phase. Started as a single-file program (`java RunNodeTests.java <folder>`) so that a
 * missing or too old Node.js fails the build with a message that says what to do. The files are
 * passed by name: Node 21+ no longer searches a folder given to --test.
 */
public class RunNodeTests {

    private static final int MINIMUM_NODE = 18;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/js");
        String node = System.getenv().getOrDefault("NODE", "node");
        int major = nodeMajorVersion(node);
        if (major < 0) {
            fail("ClusterLens runs its JavaScript tests with Node.js " + MINIMUM_NODE + " or newer, but '" + node
                    + "' was not found. Install Node.js (https://nodejs.org) and put it on the PATH, or set NODE to its"
                    + " path, or skip all tests with -DskipTests.");
        }
        if (major < MINIMUM_NODE) {
            fail("ClusterLens runs its JavaScript tests with Node.js " + MINIMUM_NODE + " or newer, but '" + node
                    + "' is version " + major + ". Install a newer Node.js, or skip all tests with -DskipTests.");
        }
        List<String> tests;
        try (Stream<Path> files = Files.walk(folder)) {
            tests = files.filter(p -> p.getFileName().toString().endsWith(".test.mjs")).map(Path::toString).sorted().toList();
        }
        if (tests.isEmpty()) {
            fail("no *.test.mjs files under " + folder.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(node, "--test"));
        command.addAll(tests);
        Process process = new ProcessBuilder(command).inheritIO().start();
        System.exit(process.waitFor());
    }

    private static int nodeMajorVersion(String node) {
        try {
            Process process = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !version.matches("v\\d+\\..*")) {
                return -1;
            }
            return Integer.parseInt(version.substring(1, version.indexOf('.')));
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("[ERROR] " + message);
        System.exit(1);
    }
}
