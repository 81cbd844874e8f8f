package com.deleverage.admin.db;


import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for one test class: {@code initdb} into a fresh folder and {@code pg_ctl}
 * on a free loopback port, trust authentication, never the machine's own cluster. The binaries come
 * from {@code PG_BIN} (environment) or {@code -Dpg.bin}, else from the newest
 * {@code /usr/lib/postgresql/<version>/bin}; without any, the test is skipped with a message saying so.
 * PostgreSQL refuses to run as root, so as root the server runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "platform";

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Starts a server, or skips the calling test when no PostgreSQL binaries are installed. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Files.createTempDirectory("platform-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
        }
        PostgresServer server = new PostgresServer(bin, dataDir, freePort(), root);
        server.pg(List.of(bin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(), "-o",
                "-p " + server.port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path binaries() {
        String configured = System.getenv("PG_BIN") != null ? System.getenv("PG_BIN") : System.getProperty("pg.bin");
        if (configured != null) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
                throw new IllegalStateException("PG_BIN=" + configured + " has no pg_ctl: point it at PostgreSQL's bin folder");
            }
            return bin;
        }
        Path installed = Path.of("/usr/lib/postgresql");
        Path newest = null;
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                newest = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0")))).orElse(null);
            } catch (IOException e) {
                newest = null;
            }
        }
        // Never skipped: a changelog proven only on H2 is not proven for production.
        if (newest == null) {
            throw new IllegalStateException("no PostgreSQL binaries: apt-get install -y postgresql (or set "
                    + "PG_BIN=/usr/lib/postgresql/<version>/bin); the changelog must be proven on PostgreSQL as well as H2");
        }
        return newest;
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
