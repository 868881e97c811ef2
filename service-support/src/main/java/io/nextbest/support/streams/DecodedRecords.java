package io.nextbest.support.streams;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The decoded records of one global store, kept beside it so a request does not deserialize the
 * API key, tracker or balance it checks from the store's bytes (and a catalog payload from its
 * JSON tree) every time.
 * <p>
 * Invalidation is exact, not time-based: the {@link GlobalStoreUpdater} that writes every record
 * of the topic into the store calls {@link #changed} right after the write, which replaces the
 * entry with the new record (a tombstone: an empty entry). A reader that misses reads the store
 * and files what it found only if no entry appeared meanwhile ({@code putIfAbsent}), so a reader
 * that read the store just before a write can never file the old record over the new one. A
 * revoked or rotated API key therefore stops working with the first request after its record
 * reached the store. A key the store does not hold is not remembered (random key ids cannot grow
 * the map), so the map is bounded by the records on the topic. Decoding is lazy: the stream thread
 * only files the raw record, the first request that needs it decodes it once.
 */
public final class DecodedRecords<K, V, T> implements GlobalStoreUpdater.Listener<K, V> {

    private final ConcurrentHashMap<K, Entry<V, T>> entries = new ConcurrentHashMap<>();
    private final Function<V, T> decode;

    /** @param decode the record as the callers want it; null for a record that means "absent" (a tombstone) */
    public DecodedRecords(Function<V, T> decode) {
        this.decode = decode;
    }

    @Override
    public void changed(K key, V value) {
        entries.put(key, new Entry<>(value, decode));
    }

    /** A restore may start from an empty store: forget everything, the store answers again. */
    @Override
    public void restarting() {
        entries.clear();
    }

    /** The decoded record under {@code key}, from memory, else from {@code store} (and kept). */
    public Optional<T> get(K key, Function<K, V> store) {
        Entry<V, T> entry = entries.get(key);
        if (entry == null) {
            V stored = store.apply(key);
            if (stored == null) {
                return Optional.empty();
            }
            Entry<V, T> read = new Entry<>(stored, decode);
            Entry<V, T> raced = entries.putIfAbsent(key, read);
            entry = raced != null ? raced : read;
        }
        return entry.decoded();
    }

    /** One record and, once asked for, its decoded form; a decoding failure is not kept, it is raised each time. */
    private static final class Entry<V, T> {

        private final V value;
        private final Function<V, T> decode;
        private volatile Optional<T> decoded;

        Entry(V value, Function<V, T> decode) {
            this.value = value;
            this.decode = decode;
        }

        Optional<T> decoded() {
            Optional<T> d = decoded;
            if (d == null) {
                // Two threads may both decode once; both get equal records.
                d = value == null ? Optional.empty() : Optional.ofNullable(decode.apply(value));
                decoded = d;
            }
            return d;
        }
    }
}
