package io.nextbest.feedback;

import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writing typed records to and reading committed aggregates from the real broker, with each
 * topic's own serdes from the registry.
 */
final class BrokerIo {

    private static final Map<String, Topic<?, ?>> BY_NAME = new HashMap<>();

    static {
        FeedbackTopology.topics().forEach(topic -> BY_NAME.put(topic.name(), topic));
    }

    private BrokerIo() {
    }

    /** Sends and flushes: idempotent, acks=all, as ingest does; fails if the broker rejected any record. */
    static void produce(String bootstrap, List<ProducerRecord<?, ?>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (ProducerRecord<?, ?> record : records) {
                producer.send(serialized(record), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the broker rejected a record", failure.get());
            }
        }
    }

    /** The latest committed value per key of {@code topic} whose key passes {@code keys}, read from the beginning. */
    static <K, V> Map<K, V> latestCommitted(String bootstrap, Topic<K, V> topic, Predicate<K> keys) {
        Map<K, V> latest = new HashMap<>();
        readCommitted(bootstrap, topic.name(), record -> {
            K key = topic.keySerde().deserializer().deserialize(topic.name(), record.key());
            if (keys.test(key)) {
                latest.put(key, topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
            }
        });
        return latest;
    }

    /** The committed records of {@code feedback.dlq} whose key starts with {@code keyPrefix}, with their headers. */
    static List<ConsumerRecord<byte[], byte[]>> deadLetters(String bootstrap, String keyPrefix) {
        List<ConsumerRecord<byte[], byte[]>> dead = new java.util.ArrayList<>();
        readCommitted(bootstrap, Topics.FEEDBACK_DEAD_LETTERS.name(), record -> {
            if (record.key() != null && new String(record.key(), java.nio.charset.StandardCharsets.UTF_8).startsWith(keyPrefix)) {
                dead.add(record);
            }
        });
        return dead;
    }

    // Every committed record of the topic, from the beginning to the end offsets taken at the start.
    private static void readCommitted(String bootstrap, String topicName, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ProducerRecord<byte[], byte[]> serialized(ProducerRecord<?, ?> record) {
        Topic<Object, Object> topic = (Topic<Object, Object>) BY_NAME.get(record.topic());
        if (topic == null) {
            throw new IllegalArgumentException("not a feedback topic: " + record.topic() + " (known: " + Topics.all().size() + ")");
        }
        return new ProducerRecord<>(record.topic(), null, record.timestamp(),
                topic.keySerde().serializer().serialize(record.topic(), record.key()),
                topic.valueSerde().serializer().serialize(record.topic(), record.value()));
    }
}
