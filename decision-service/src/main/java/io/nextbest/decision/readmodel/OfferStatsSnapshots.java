package io.nextbest.decision.readmodel;

import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Decoded {@code offer-stats} per tenant, so recommend does not read and JSON-decode the global
 * store three times per candidate (offer, category and tenant evidence). The record is decoded once,
 * when it arrives: the {@link GlobalStoreUpdater}, the processor that writes every {@code offer-stats}
 * record into the global store, hands the decoded value to {@link #changed} right after the write.
 * <p>
 * A tenant's view is loaded on its first read with one prefix scan and from then on kept equal to
 * the store by those updates, so it is never staler than the store (no time-based refresh). The
 * load and the updates may interleave: the scan only fills keys no update has filled yet
 * ({@code putIfAbsent}), and a deleted key stays as a marker instead of being removed, so a scan
 * that read the old value before the delete cannot bring it back. The updater's {@code init} (a
 * (re)start of the global thread, which may rebuild the store from the topic) drops every view,
 * so the next read loads again. Memory: one decoded record per scope of the tenants that were
 * read, bounded by their catalogs (offers, categories, channels), not by traffic.
 */
public final class OfferStatsSnapshots {

    /** A deleted key: kept so a concurrent first load cannot resurrect the value it replaced. */
    private static final OfferStats DELETED = new OfferStats(null, null, null);

    private static final class TenantView {
        final ConcurrentHashMap<String, OfferStats> values = new ConcurrentHashMap<>();
        volatile boolean loaded;
    }

    private final ConcurrentHashMap<TenantId, TenantView> tenants = new ConcurrentHashMap<>();

    /** Called after {@code key} was written to ({@code value}) or deleted from ({@code null}) the store. */
    void changed(TenantKey key, OfferStats value) {
        TenantView view = tenants.get(key.tenant());
        if (view != null) {
            view.values.put(key.id(), value == null ? DELETED : value);
        }
    }

    /** Forgets every tenant's view: the store is being (re)built, the next read loads again. */
    void reset() {
        tenants.clear();
    }

    /**
     * The stats stored under {@code key} (null when none), from the tenant's view, loading the view
     * from {@code store} on the tenant's first read.
     */
    OfferStats get(TenantKey key, ReadOnlyKeyValueStore<TenantKey, OfferStats> store) {
        OfferStats stats = view(key.tenant(), store).values.get(key.id());
        return stats == DELETED ? null : stats;
    }

    private TenantView view(TenantId tenant, ReadOnlyKeyValueStore<TenantKey, OfferStats> store) {
        TenantView view = tenants.computeIfAbsent(tenant, t -> new TenantView());
        if (!view.loaded) {
            synchronized (view) {
                if (!view.loaded) {
                    load(view, tenant, store);
                    view.loaded = true;
                }
            }
        }
        return view;
    }

    private static void load(TenantView view, TenantId tenant, ReadOnlyKeyValueStore<TenantKey, OfferStats> store) {
        try (KeyValueIterator<TenantKey, OfferStats> it = store.prefixScan(tenant.value() + ":", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                // The prefix scan matches by bytes: "a:" must not pick up tenant "a:b"'s keys.
                if (kv.value != null && kv.key.tenant().equals(tenant)) {
                    view.values.putIfAbsent(kv.key.id(), kv.value);
                }
            });
        }
    }
}
