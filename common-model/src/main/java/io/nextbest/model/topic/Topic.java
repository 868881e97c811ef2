package io.nextbest.model.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with everything needed to use it correctly: its name, the serdes of key and value,
 * default partition count, cleanup policy and retention. Code never spells a topic name; it
 * calls {@code Topics.OUTCOMES.consumed()} or {@code .record(key, value)}.
 *
 * @param retention how long records are kept; {@code null} means Kafka's infinite retention
 *                  (compacted topics keep the latest value per key forever)
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Duration retention) {

    /** The source of this topic in a topology, named after the topic so {@code describe()} is readable. */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde).withName(name + "-source");
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName(name + "-sink");
    }

    public ProducerRecord<K, V> record(K key, V value) {
        return new ProducerRecord<>(name, key, value);
    }

    /** The topic-level configs a newly created topic gets. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.config());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : Long.toString(retention.toMillis()));
        return configs;
    }
}
