package io.nextbest.decision.readmodel;

import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the {@code offer-stats} global store equal to its compacted topic (upsert, tombstone =
 * delete), as a GlobalKTable would, and then hands the already decoded record to
 * {@link OfferStatsSnapshots}. Kafka Streams also runs this processor when it restores the store
 * from the topic (KAFKA-7663); {@link #init} drops the snapshots first, since a restore may start
 * from an empty store.
 */
final class OfferStatsStoreUpdater implements Processor<TenantKey, OfferStats, Void, Void> {

    private final String storeName;
    private final OfferStatsSnapshots snapshots;
    private TimestampedKeyValueStore<TenantKey, OfferStats> store;

    OfferStatsStoreUpdater(String storeName, OfferStatsSnapshots snapshots) {
        this.storeName = storeName;
        this.snapshots = snapshots;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        snapshots.reset();
    }

    @Override
    public void process(Record<TenantKey, OfferStats> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        // After the write: a first load that scans from now on sees it, one that scanned before gets it here.
        snapshots.changed(record.key(), record.value());
    }
}
