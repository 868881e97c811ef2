package io.nextbest.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft combined broker and controller) running inside this JVM, keeping
 * its log under {@code dataDir/kafka} so topics and records survive restarts of the standalone platform.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private static final int NODE_ID = 1;
    private static final long DEDUPE_BUFFER_BYTES = 16L * 1024 * 1024;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private boolean closed;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts the broker on {@code localhost:port}, formatting {@code dataDir/kafka} only on first use,
     * and returns once it answers admin requests.
     */
    public static EmbeddedKafkaServer start(Path dataDir, int port) {
        Path logDir = createDirectories(dataDir.resolve("kafka").toAbsolutePath());
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, port, freePort()), false);
        if (!isFormatted(logDir)) {
            format(config, logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaServer started = new EmbeddedKafkaServer(server, port, logDir);
        try {
            startup(server, port);
            started.awaitReady(READY_TIMEOUT);
        }
        catch (RuntimeException ex) {
            started.close();
            throw ex;
        }
        log.info("Kafka broker ready on {} (cluster {}, data in {})", started.bootstrapServers(), started.clusterId(), logDir);
        return started;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The id written when the log directory was first formatted; stable across restarts. */
    public String clusterId() {
        return readMetaProperties(logDir).getProperty("cluster.id");
    }

    /** Shuts the broker down in a controlled way and waits until all its threads have stopped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                // A static voter set keeps kraft.version at 0, so no controller address is baked into the
                // formatted storage and the controller port may differ on every start.
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One node cannot hold the default three replicas of the internal topics.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Fifty partitions per internal topic only slow the first consumer group down on a laptop.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are created explicitly by the services, so a typo must fail rather than create a topic.
                Map.entry("auto.create.topics.enable", "false"),
                // The log cleaner allocates its whole offset map on the Java heap when it starts (the
                // default 128 MB was a third of standalone's live heap). 16 MB maps ≈ 600,000 keys per
                // cleaning pass, more than one node's compacted topics hold between passes.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES)),
                Map.entry("num.partitions", "3")));
        return properties;
    }

    /** Kafka reports a busy port only as a fatal acceptor error, so name the likely cause. */
    private static void startup(KafkaRaftServer server, int port) {
        try {
            server.startup();
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Kafka could not start on localhost:" + port
                    + " (is the port already in use?): " + ex.getMessage(), ex);
        }
    }

    private static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve(META_PROPERTIES));
    }

    private static void format(KafkaConfig config, Path logDir) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(false)
                .setDirectories(config.logDirs());
        try {
            formatter.run();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, ex);
        }
        log.info("Formatted new Kafka storage in {}: {}", logDir, output.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka on " + bootstrapServers(), ex);
                }
                catch (Exception ex) {
                    lastFailure = ex;
                }
                sleep(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " (data in " + logDir
                + ") did not answer describeCluster within " + timeout.toSeconds() + "s", lastFailure);
    }

    private static Properties readMetaProperties(Path logDir) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create " + directory, ex);
        }
    }

    /** The controller listener is internal to this process, so any free port will do. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port for the Kafka controller listener", ex);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
        }
    }
}
