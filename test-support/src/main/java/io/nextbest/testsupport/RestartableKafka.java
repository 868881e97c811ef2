package io.nextbest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nextbest.embedded.EmbeddedKafkaServer;

/**
 * A broker of a test's own, unlike {@link SharedKafka}, that the test may stop and start again:
 * always on the same port and over the same log directory, so clients keep their bootstrap list
 * and every acknowledged record is still there after {@link #start()}. For outage tests.
 */
public final class RestartableKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedKafkaServer server;

    private RestartableKafka(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A running broker on a free port, keeping its log in a new temporary directory. */
    public static RestartableKafka startOnFreePort() {
        RestartableKafka kafka = new RestartableKafka(temporaryDirectory(), FreePorts.find());
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again on the same port and directory; returns once it answers admin requests. */
    public synchronized void start() {
        if (server == null) {
            server = EmbeddedKafkaServer.start(dataDir, port);
        }
    }

    /** Shuts the broker down in a controlled way; its port stops answering once this returns. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Stops the broker; the temporary directory is left for the OS to clean, as logs may still be mapped. */
    @Override
    public void close() {
        stop();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("restartable-kafka-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
