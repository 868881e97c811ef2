package io.nextbest.catalog.outbox;

import io.nextbest.catalog.system.CatalogProperties;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to Kafka in id (= commit) order and marks them published only after the
 * broker acknowledged every record of the batch. A relay killed in between publishes those rows
 * again on restart; consumers drop them by {@code sequence} (= outbox id). Only one catalog
 * instance relays at a time: the one holding a session-level advisory lock on its own
 * connection, which PostgreSQL releases when that connection or process dies.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Session advisory lock id of the relay leader ("nbrelay" in ASCII). */
    static final long LEADER_LOCK = 0x6e6272656c6179L;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final Producer<byte[], byte[]> producer;
    private final CatalogProperties.Relay settings;
    private volatile ScheduledExecutorService executor;
    private Connection leaderConnection;
    private long nextPurgeNanos = System.nanoTime();

    OutboxRelay(ConnectionFactory connections, DatabaseClient db, OutboxProducer producer, CatalogProperties properties) {
        this.connections = connections;
        this.db = db;
        this.producer = producer.producer();
        this.settings = properties.relay();
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(DB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        releaseLeadership();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** After the database and the web server, so writes made during start-up are relayed too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void tick() {
        try {
            if (!holdsLeadership()) {
                return;
            }
            // Drain what is there now; the fixed delay paces the idle polling.
            while (executor != null && relayBatch() == settings.batchSize()) {
                log.debug("outbox relay: full batch published, continuing");
            }
            if (System.nanoTime() - nextPurgeNanos >= 0) {
                int purged = purgePublished();
                nextPurgeNanos = System.nanoTime() + settings.purgeEvery().toNanos();
                if (purged > 0) {
                    log.info("outbox relay: deleted {} rows published more than {} ago", purged, settings.keepPublished());
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay: batch not published, retrying in {}: {}", settings.interval(), e.toString());
            releaseLeadership();
        }
    }

    /** Publishes one batch and marks it; returns how many rows it published. */
    int relayBatch() {
        List<OutboxRow> rows = db.sql("SELECT id, entity, tenant_id, entity_id, payload, created_at FROM outbox"
                        + " WHERE published_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", settings.batchSize())
                .map((row, meta) -> OutboxRow.from(row))
                .all().collectList().block(DB_TIMEOUT);
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        // The idempotent producer keeps the send order per partition, retries included.
        List<Future<RecordMetadata>> acks = rows.stream().map(row -> producer.send(row.toProducerRecord())).toList();
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        db.sql("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)").bind("ids", ids)
                .fetch().rowsUpdated().block(DB_TIMEOUT);
        log.debug("outbox relay: published rows {}..{}", ids[0], ids[ids.length - 1]);
        return rows.size();
    }

    /**
     * Deletes rows published longer than {@code keep-published} ago, a batch per statement so no
     * statement holds many row locks; unpublished rows are never touched. Returns how many went.
     */
    int purgePublished() {
        int total = 0;
        Long deleted;
        do {
            deleted = db.sql("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                            + " WHERE published_at < now() - make_interval(secs => :seconds) ORDER BY id LIMIT :limit)")
                    .bind("seconds", (double) settings.keepPublished().toSeconds())
                    .bind("limit", settings.batchSize())
                    .fetch().rowsUpdated().block(DB_TIMEOUT);
            total += deleted == null ? 0 : deleted.intValue();
        } while (executor != null && deleted != null && deleted == settings.batchSize());
        return total;
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(DB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge an outbox record", e);
        }
    }

    private boolean holdsLeadership() {
        if (leaderConnection != null) {
            return true;
        }
        Connection connection = Mono.from(connections.create()).block(DB_TIMEOUT);
        Boolean acquired = Flux.from(connection.createStatement("SELECT pg_try_advisory_lock(" + LEADER_LOCK + ") AS acquired").execute())
                .flatMap(result -> result.map((row, meta) -> row.get("acquired", Boolean.class)))
                .blockFirst(DB_TIMEOUT);
        if (Boolean.TRUE.equals(acquired)) {
            leaderConnection = connection;
            log.info("outbox relay: this instance is the relay leader");
            return true;
        }
        Mono.from(connection.close()).block(DB_TIMEOUT);
        return false;
    }

    private void releaseLeadership() {
        Connection connection = leaderConnection;
        leaderConnection = null;
        if (connection == null) {
            return;
        }
        try {
            Flux.from(connection.createStatement("SELECT pg_advisory_unlock(" + LEADER_LOCK + ")").execute())
                    .flatMap(result -> result.map((row, meta) -> row.get(0))).blockLast(DB_TIMEOUT);
        } catch (RuntimeException e) {
            log.debug("outbox relay: unlock failed, closing the connection releases the lock", e);
        } finally {
            Mono.from(connection.close()).onErrorResume(e -> Mono.empty()).block(DB_TIMEOUT);
        }
    }
}
