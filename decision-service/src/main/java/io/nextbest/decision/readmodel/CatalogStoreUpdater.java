package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.tenant.TenantKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps one catalog entity's global store equal to its compacted topic (upsert, tombstone =
 * delete), as a GlobalKTable would, and then tells {@link CatalogSnapshots} that the record's
 * tenant changed. Kafka Streams also runs this processor when it restores the store from the
 * topic (KAFKA-7663), so a restore invalidates the snapshots too.
 */
final class CatalogStoreUpdater implements Processor<TenantKey, CatalogChange, Void, Void> {

    private final String storeName;
    private final CatalogEntity entity;
    private final CatalogSnapshots snapshots;
    private TimestampedKeyValueStore<TenantKey, CatalogChange> store;

    CatalogStoreUpdater(String storeName, CatalogEntity entity, CatalogSnapshots snapshots) {
        this.storeName = storeName;
        this.entity = entity;
        this.snapshots = snapshots;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<TenantKey, CatalogChange> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        // After the write: a reader that sees the new version is guaranteed to scan the new record.
        snapshots.changed(record.key().tenant(), entity);
    }
}
