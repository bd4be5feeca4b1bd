package graph.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j Community embedded in one process and exposed over Bolt on 127.0.0.1.
 *
 * <p>Usage: {@code java -cp ... graph.embedded.EmbeddedNeo4j <dataDir> <boltPort> <pluginDir>}
 *
 * <p>Prints exactly one line {@code NEO4J_READY bolt://127.0.0.1:<port> <version>} once Bolt accepts
 * connections. Stops cleanly on SIGTERM/SIGINT, and also when standard input closes: the Node parent
 * keeps a pipe open to our stdin, so EOF means the parent has died and nobody will stop us otherwise.
 */
public final class EmbeddedNeo4j {

    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort> <pluginDir>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path pluginDir = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataDir);

        // Watch the parent from the start: if it dies while the database is still starting, we
        // must not live on. EOF on stdin runs System.exit, and with it the shutdown hook below.
        Thread parentWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // Anything the parent writes is ignored; only EOF matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF: the parent is gone.
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopped.compareAndSet(false, true)) {
                DatabaseManagementService dbms = running.get();
                try {
                    if (dbms != null) dbms.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("shutdown failed: " + e);
                }
                done.countDown();
            }
        }, "neo4j-shutdown"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnectorInternalSettings.enable_loopback_auth, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"))
                // A development/test database: keep memory modest on a 2-core laptop or CI box.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                .build();
        // If the JVM is already exiting (parent gone during start-up), the store is recovered on the
        // next start; a half-started database is not worth a clean shutdown.
        running.set(dbms);

        waitForBolt(port);
        String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
        System.out.flush();

        done.await();
    }

    /** Bolt binds asynchronously after build(); poll the port so "ready" really means ready. */
    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not open on 127.0.0.1:" + port + " within 60 s");
    }
}
