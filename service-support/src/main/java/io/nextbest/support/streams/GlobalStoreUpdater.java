package io.nextbest.support.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps a global store equal to its compacted topic (upsert, tombstone = delete), as a
 * GlobalKTable would, and after each write tells a {@link Listener} what changed, so a serving
 * service can keep decoded copies of the records beside the store and drop them exactly when a
 * record changes. Kafka Streams also runs this processor when it restores the store from the topic
 * (KAFKA-7663), and a restore may start from an empty store, so {@link Listener#restarting()}
 * comes first.
 */
public final class GlobalStoreUpdater<K, V> implements Processor<K, V, Void, Void> {

    /** What the serving side keeps beside the store. */
    public interface Listener<K, V> {

        /** Called after the record is in the store (null value: deleted). */
        void changed(K key, V value);

        /** The store is being (re)initialised; anything derived from it may be stale. */
        default void restarting() {
        }
    }

    private final String storeName;
    private final Listener<K, V> listener;
    private TimestampedKeyValueStore<K, V> store;

    public GlobalStoreUpdater(String storeName, Listener<K, V> listener) {
        this.storeName = storeName;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        listener.restarting();
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        // After the write: a reader that sees the change is guaranteed to find the new record in the store.
        listener.changed(record.key(), record.value());
    }
}
