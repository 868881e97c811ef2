package io.nextbest.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Passes each record on once per id within a time window: a producer retry or a repeated
 * idempotency key carries the id of a record already seen and is dropped. A record is a duplicate
 * when its id was seen at a time within one window before or after its own, so a duplicate is
 * caught whether it arrives before or after its original (out of order), as long as the two
 * timestamps lie within one window of each other and of stream time (a record further behind is
 * dead-lettered rather than counted unchecked). Records without a key, and null values (a
 * tombstone carries nothing to count on an event topic) are not passed on; a missing key is
 * raised so the dead-letter handler records it.
 *
 * <p>Ids are kept in a window store, so memory and disk are bounded by the window's traffic and
 * old ids leave a whole segment at a time. Each id is stored with its first-seen time as the value
 * under the start of its time bucket, one window long, rather than under its own time: a record
 * then checks the buckets that can hold a time within one window of its own (the one before, its
 * own and, once stream time has reached it, the one after) with point lookups, which RocksDB
 * answers from the bloom filter when the id is new (nearly always), instead
 * of a range scan that opened an iterator and seeked in every segment the window spans (a quarter
 * of the stream thread's wall clock, 2026-12-07). Two times in one bucket are less than a window
 * apart, so a bucket never needs a second entry for an id, and what counts as a duplicate is the
 * same as comparing against every time the id was seen.
 *
 * @param <K> key type; the id function prefixes the tenant so ids never collide across tenants
 */
final class Deduplicator<K, V> implements FixedKeyProcessorSupplier<K, V, V> {

    private final String storeName;
    private final Duration window;
    private final long windowMs;
    private final BiFunction<K, V, String> scopedId;

    Deduplicator(String storeName, Duration window, BiFunction<K, V, String> scopedId) {
        this.storeName = storeName;
        this.window = window;
        this.windowMs = window.toMillis();
        this.scopedId = scopedId;
    }

    /**
     * How long the store keeps a bucket. A record checks back to the bucket before its own, and
     * records up to one window behind stream time are still checked, so a bucket must outlive the
     * two windows after its start; the store measures its stream time by the bucket starts it was
     * given, which are whole windows, so one millisecond more than two windows keeps exactly the
     * buckets a checkable record can ask for (DedupeTopologyTest pins both edges).
     */
    static Duration retention(Duration window) {
        return window.multipliedBy(2).plusMillis(1);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(storeName, retention(window), window, false), Serdes.String(), Serdes.Long()));
    }

    @Override
    public FixedKeyProcessor<K, V, V> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<K, V> context;
            private WindowStore<String, Long> seen;

            @Override
            public void init(FixedKeyProcessorContext<K, V> context) {
                this.context = context;
                this.seen = context.getStateStore(storeName);
            }

            @Override
            public void process(FixedKeyRecord<K, V> record) {
                if (record.key() == null) {
                    throw new IllegalArgumentException("record without a key");
                }
                if (record.value() == null) {
                    return;
                }
                String id = scopedId.apply(record.key(), record.value());
                long at = record.timestamp();
                long streamTime = context.currentStreamTimeMs();
                requireCheckable(at, streamTime);
                if (!alreadySeen(id, at, streamTime)) {
                    seen.put(id, at, bucketStart(at));
                    context.forward(record);
                }
            }

            // The store keeps buckets only as far back as a record one window behind stream time
            // needs (retention above) and silently skips older writes and reads, so a record
            // further behind could be neither checked nor remembered: counting it could count it
            // twice. Ingest stamps records when it writes them, so this only happens to records
            // produced with a made-up time; they are dead-lettered.
            private void requireCheckable(long at, long streamTime) {
                if (at < streamTime - windowMs) {
                    throw new IllegalArgumentException("record time " + Instant.ofEpochMilli(at) + " is more than the dedupe window ("
                            + window + ") behind stream time " + Instant.ofEpochMilli(streamTime) + ": it cannot be checked for duplicates");
                }
            }

            // The bucket after the record's own can only hold ids once this task has processed a
            // record that late, so while stream time is still short of it (nearly always, records
            // arrive roughly in time order) its lookup is skipped. Stream time is restored with the
            // committed offsets, which under exactly-once match the restored store; at least once,
            // a crash can leave the store ahead of them, as it leaves every output ahead.
            private boolean alreadySeen(String id, long at, long streamTime) {
                long bucket = bucketStart(at);
                long last = streamTime >= bucket + windowMs ? bucket + windowMs : bucket;
                // A window store holds nothing before time zero.
                for (long start = Math.max(0, bucket - windowMs); start <= last; start += windowMs) {
                    Long firstSeen = seen.fetch(id, start);
                    if (firstSeen != null && Math.abs(firstSeen - at) <= windowMs) {
                        return true;
                    }
                }
                return false;
            }

            private long bucketStart(long at) {
                return Math.floorDiv(at, windowMs) * windowMs;
            }
        };
    }
}
