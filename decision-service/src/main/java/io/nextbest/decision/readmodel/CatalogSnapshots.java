package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.streams.DecodedRecords;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-tenant snapshots of the catalog entities every recommend reads as a whole (offers,
 * creatives, rules, …), so a request does not prefix-scan and decode ~10 stores each time.
 * <p>
 * Invalidation is exact, not time-based: the {@link GlobalStoreUpdater}, the processor that writes
 * every catalog record into its global store, calls {@link #changed} right after the write, which
 * bumps the version of that tenant and entity. A reader takes the version <em>before</em> it
 * scans and files the snapshot under it, so a write racing with the scan leaves the snapshot
 * already outdated and the next read scans again. A read therefore never sees an older catalog
 * than the store held when the read started; the price is one map lookup per entity per request
 * and one snapshot per tenant and entity on the heap (bounded by the catalogs, not by traffic).
 * Customers, products and API keys are read by id and never snapshotted.
 */
public final class CatalogSnapshots {

    /** The entities recommend reads whole; everything else is always read from the store. */
    static final Set<CatalogEntity> SNAPSHOTTED = EnumSet.of(CatalogEntity.OFFER, CatalogEntity.CATEGORY,
            CatalogEntity.CHANNEL, CatalogEntity.CREATIVE, CatalogEntity.QUALIFICATION_RULE, CatalogEntity.CONTACT_POLICY,
            CatalogEntity.VOLUME_CAP, CatalogEntity.EXPERIMENT, CatalogEntity.DECISION_FLOW, CatalogEntity.OUTCOME_TYPE,
            CatalogEntity.MODEL);

    private record Key(TenantId tenant, CatalogEntity entity) {
    }

    private record Snapshot(long version, Class<?> type, List<?> values) {
    }

    private final ConcurrentHashMap<Key, AtomicLong> versions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    // API keys are read by id on every request; decoding the record from the store each time was a
    // tenth of the HTTP event loop's work on recommend. Kept decoded, replaced on every write.
    private final DecodedRecords<TenantKey, CatalogChange, ApiKey> apiKeys =
            new DecodedRecords<>(change -> change.isTombstone() ? null : change.payloadAs(ApiKey.class));

    /** Called after a record of {@code tenant}'s {@code entity} was written to (or deleted from) its store. */
    void changed(TenantId tenant, CatalogEntity entity) {
        versions.computeIfAbsent(new Key(tenant, entity), k -> new AtomicLong()).incrementAndGet();
    }

    /** The updater's listener for the {@code api-keys} store, which keeps {@link #apiKey} exact. */
    DecodedRecords<TenantKey, CatalogChange, ApiKey> apiKeys() {
        return apiKeys;
    }

    /** The API key under {@code key}, decoded once per record, else read from {@code store} and kept. */
    Optional<ApiKey> apiKey(TenantKey key, Function<TenantKey, CatalogChange> store) {
        return apiKeys.get(key, store);
    }

    long version(TenantId tenant, CatalogEntity entity) {
        AtomicLong v = versions.get(new Key(tenant, entity));
        return v == null ? 0 : v.get();
    }

    /** The snapshot of {@code tenant}'s {@code entity} when still current, else {@code load}'s answer, kept for next time. */
    @SuppressWarnings("unchecked")
    <T> List<T> get(TenantId tenant, CatalogEntity entity, Class<T> type, Supplier<List<T>> load) {
        if (!SNAPSHOTTED.contains(entity)) {
            return load.get();
        }
        Key key = new Key(tenant, entity);
        long version = version(tenant, entity);
        Snapshot snapshot = snapshots.get(key);
        if (snapshot != null && snapshot.version() == version && snapshot.type() == type) {
            return (List<T>) snapshot.values();
        }
        List<T> values = List.copyOf(load.get());
        // Keep the newest: a slower reader of an older version must not replace a newer snapshot.
        snapshots.merge(key, new Snapshot(version, type, values),
                (old, fresh) -> old.version() > fresh.version() ? old : fresh);
        return values;
    }
}
