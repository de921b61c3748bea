package org.clusterlens.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares the server the integration tests run against, once per test run: a fresh data
 * directory, an SMTP server in this JVM that receives the application's emails, and on
 * PostgreSQL a database of its own that is created first and dropped after.
 * Only acts inside the failsafe executions, which set {@code clusterlens.it.database}.
 */
public class ItEnvironment implements LauncherSessionListener {
    public static final String ADMIN_EMAIL = "admin@clusterlens.local";
    public static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    static final String SKIP_REASON = "clusterlens.it.skip";

    private static volatile GreenMail mail;

    private String createdDatabase;
    private String adminUrl;
    private String dbUser;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String database = System.getProperty("clusterlens.it.database");
        if (database == null) {
            return;
        }
        Path root = Path.of(System.getProperty("clusterlens.it.dataRoot", "target/it-data")).toAbsolutePath().resolve(database);
        deleteTree(root);
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx512m",
                "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-Dclusterlens.data.dir=" + root.resolve("data"),
                "-Dclusterlens.admin.email=" + ADMIN_EMAIL,
                "-Dclusterlens.admin.password=" + ADMIN_PASSWORD));
        mkdirs(root.resolve("tmp"));
        int smtpPort = freeLoopbackPort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        jvm.add("-Dclusterlens.mail.smtp.host=127.0.0.1");
        jvm.add("-Dclusterlens.mail.smtp.port=" + smtpPort);
        jvm.add("-Dclusterlens.mail.from=studies@clusterlens.test");
        if (database.equals("postgresql")) {
            if (!preparePostgres(jvm)) {
                return;
            }
        } else {
            jvm.add("-Dclusterlens.db.url=jdbc:h2:file:" + root.resolve("db/clusterlens") + ";WRITE_DELAY=0");
        }
        System.setProperty("clusterlens.it.jvm", String.join(" ", jvm));
    }

    private boolean preparePostgres(List<String> jvm) {
        String url = System.getProperty("clusterlens.it.postgres.url");
        dbUser = System.getProperty("clusterlens.it.postgres.user", "postgres");
        String name = url.substring(url.lastIndexOf('/') + 1);
        adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
            createdDatabase = name;
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + adminUrl + ": " + e.getMessage();
            if (Boolean.getBoolean("clusterlens.it.postgres.required")) {
                throw new IllegalStateException(reason, e);
            }
            System.err.println("[clusterlens] SKIPPING the PostgreSQL integration tests. " + reason);
            System.setProperty(SKIP_REASON, reason);
            return false;
        }
        jvm.add("-Dclusterlens.db.datasource=org.postgresql.ds.PGSimpleDataSource");
        jvm.add("-Dclusterlens.db.url=" + url);
        jvm.add("-Dclusterlens.db.user=" + dbUser);
        return true;
    }

    /** The SMTP server the application under test sends to; every email it sent is here. */
    public static GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("the SMTP server runs only in the integration tests");
        }
        return mail;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (createdDatabase == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + createdDatabase + "\" WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[clusterlens] could not drop the test database " + createdDatabase + ": " + e.getMessage());
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
