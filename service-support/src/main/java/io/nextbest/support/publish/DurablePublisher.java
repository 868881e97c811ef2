package io.nextbest.support.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbest.model.topic.Topic;
import io.nextbest.support.blocking.OffEventLoop;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes the records of one request and completes only when the broker acknowledged every one of
 * them (acks=all, idempotent producer, from {@code spring.kafka.producer.*}). A broker that is
 * missing or slower than {@code ack-timeout} turns into {@link ServiceUnavailableException}, so a
 * request never hangs and never gets a 2xx for a record that may not be stored. Each publisher
 * sets its own {@code linger.ms}: a request waits for its acks, so the linger is part of every
 * answer's latency, and only the caller knows whether that buys anything.
 */
public class DurablePublisher implements DisposableBean {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Settings settings;
    private final Timer latency;

    /**
     * How long a request waits for the broker, what a 503 tells the client to wait, and how long
     * the producer holds a batch open for more records ({@code linger.ms}, replacing the shared
     * {@code spring.kafka.producer} value for this publisher).
     */
    public record Settings(Duration ackTimeout, Duration retryAfter, Duration linger) {
    }

    /** @param latencyMetric the timer name, e.g. {@code nextbest.ingest.produce.latency} */
    public DurablePublisher(Map<String, Object> producerConfig, Settings settings, String latencyMetric, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.settings = settings;
        this.latency = Timer.builder(latencyMetric)
                .description("Time from sending a request's records until the broker acknowledged all of them")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** One record to write, typed by its topic so the topic's own serdes encode it. */
    public record Write<K, V>(Topic<K, V> topic, K key, V value) {

        ProducerRecord<byte[], byte[]> encode() {
            return new ProducerRecord<>(topic.name(),
                    topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value));
        }
    }

    public Settings settings() {
        return settings;
    }

    /** Sends every write and completes once all are acknowledged; fails with 503 semantics otherwise. */
    public Mono<Void> publishAll(List<Write<?, ?>> writes) {
        // send() may block up to max.block.ms waiting for metadata, so it never runs on an event loop.
        return OffEventLoop.call(() -> sendAll(writes))
                .flatMap(Mono::fromFuture)
                // The last acknowledgement arrives on the producer's one I/O thread: the rest of the request
                // (response, metrics) moves off it, or it delays the sending and acks of every other batch.
                .publishOn(Schedulers.parallel())
                .timeout(settings.ackTimeout())
                .then()
                .onErrorMap(e -> !(e instanceof ServiceUnavailableException),
                        e -> new ServiceUnavailableException("the event store did not acknowledge the records", settings.retryAfter(), e));
    }

    /** Completes when the broker acknowledged every write, or exceptionally with the first failure. */
    private CompletableFuture<Void> sendAll(List<Write<?, ?>> writes) {
        if (writes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        // One countdown for the request instead of a future per record: the callbacks run on the producer's
        // I/O thread, so they stay as small as possible.
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(writes.size());
        Callback acknowledged = (metadata, error) -> {
            if (error != null) {
                all.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                all.complete(null);
            }
        };
        for (Write<?, ?> write : writes) {
            producer.send(write.encode(), acknowledged);
            // A missing broker fails each send only after max.block.ms: stop at the first failure
            // instead of waiting that long once per record of the batch.
            if (all.isCompletedExceptionally()) {
                break;
            }
        }
        return all.whenComplete((done, error) -> latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    @Override
    public void destroy() {
        producer.close(settings.ackTimeout());
    }
}
