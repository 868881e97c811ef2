package io.nextbest.support.streams;

import io.nextbest.model.topic.Topic;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Materializes a compacted topic as a named, fully replicated local store (a GlobalKTable), the
 * way serving services hold catalog configuration: every instance answers from memory/RocksDB
 * and never calls another service on the hot path.
 */
public final class ReadModels {

    private ReadModels() {
    }

    public static <K, V> GlobalKTable<K, V> globalStore(StreamsBuilder builder, Topic<K, V> topic, String storeName) {
        return builder.globalTable(topic.name(), topic.consumed(),
                Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }

    /**
     * The same timestamped key-value store {@link #globalStore} materializes (so existing state
     * directories stay readable), filled by a {@link GlobalStoreUpdater} that tells {@code listener}
     * after every write, so the caller can keep decoded records beside the store.
     */
    public static <K, V> void updatedGlobalStore(StreamsBuilder builder, Topic<K, V> topic, String storeName,
                                                 GlobalStoreUpdater.Listener<K, V> listener) {
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(storeName),
                        topic.keySerde(), topic.valueSerde()).withLoggingDisabled(),
                topic.name(), topic.consumed(), () -> new GlobalStoreUpdater<>(storeName, listener));
    }
}
