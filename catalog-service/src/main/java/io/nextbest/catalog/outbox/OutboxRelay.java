package io.nextbest.catalog.outbox;

import io.nextbest.catalog.system.CatalogProperties;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
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
 * connection, which PostgreSQL releases when that connection or process dies. A row the broker
 * can never take ({@link RejectedRow}) is set aside with its reason rather than retried forever,
 * which would hold back every later change of every tenant.
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
    private final MeterRegistry meters;
    private volatile ScheduledExecutorService executor;
    private Connection leaderConnection;
    private long nextPurgeNanos = System.nanoTime();

    OutboxRelay(ConnectionFactory connections, DatabaseClient db, OutboxProducer producer, CatalogProperties properties,
                MeterRegistry meters) {
        this.connections = connections;
        this.db = db;
        this.producer = producer.producer();
        this.settings = properties.relay();
        this.meters = meters;
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

    /** Publishes one batch and marks it; returns how many rows it took (published or set aside). */
    int relayBatch() {
        List<OutboxRow> rows = db.sql("SELECT id, entity, tenant_id, entity_id, payload, created_at FROM outbox"
                        + " WHERE published_at IS NULL AND rejected_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", settings.batchSize())
                .map((row, meta) -> OutboxRow.from(row))
                .all().collectList().block(DB_TIMEOUT);
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        // The idempotent producer keeps the send order per partition, retries included.
        List<Future<RecordMetadata>> acks = rows.stream().map(this::send).toList();
        List<Long> published = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                awaitAck(acks.get(i));
                published.add(row.id());
            } catch (RejectedRow rejected) {
                setAside(row, rejected.getMessage());
            }
        }
        if (!published.isEmpty()) {
            db.sql("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)").bind("ids", published.toArray(Long[]::new))
                    .fetch().rowsUpdated().block(DB_TIMEOUT);
            log.debug("outbox relay: published rows {}..{}", published.get(0), published.get(published.size() - 1));
        }
        return rows.size();
    }

    // A row that does not encode (an entity this version no longer knows, a payload its type does not
    // read) fails the same way on every attempt: its future fails, like a record the broker refuses.
    private Future<RecordMetadata> send(OutboxRow row) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = row.toProducerRecord();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RejectedRow("does not encode: " + e.getMessage()));
        }
        return producer.send(record);
    }

    // Kept, not deleted: the entity table still holds the state, so an operator who reads the reason
    // (and the counter) can fix the entity; its next write is a new row.
    private void setAside(OutboxRow row, String reason) {
        db.sql("UPDATE outbox SET rejected_at = now(), rejected_reason = :reason WHERE id = :id")
                .bind("reason", reason).bind("id", row.id()).fetch().rowsUpdated().block(DB_TIMEOUT);
        meters.counter("nextbest.catalog.outbox.rejected", "entity", row.entity()).increment();
        log.error("outbox relay: row {} ({} {} of tenant {}) can never be published and was set aside: {}",
                row.id(), row.entity(), row.entityId(), row.tenant(), reason);
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

    /**
     * Waits for one acknowledgement. A record over the size limits (the producer's
     * {@code max.request.size} or the broker's {@code message.max.bytes}) is a {@link RejectedRow};
     * any other failure — a broker away, a timeout, missing rights, which hold for every row alike —
     * fails the batch, which is sent again on the next tick.
     */
    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(DB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedRow rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                throw new RejectedRow("too large for the broker: " + tooLarge.getMessage());
            }
            throw new IllegalStateException("broker did not acknowledge an outbox record", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge an outbox record", e);
        }
    }

    /** A row that would fail the same way on every attempt. */
    static final class RejectedRow extends RuntimeException {
        RejectedRow(String reason) {
            super(reason, null, false, false);
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
