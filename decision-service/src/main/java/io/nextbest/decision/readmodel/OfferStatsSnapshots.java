package io.nextbest.decision.readmodel;

import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.util.EnumMap;
import java.util.Map;
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

    /**
     * One tenant's records by scope, then by the id within the scope, so a lookup by offer id hashes
     * the catalog's own string (its hash cached) instead of building and hashing {@code offer:<id>}
     * for each of the three lookups per candidate. Every scope's map exists from the start, so the
     * outer map is never written after construction.
     */
    private static final class TenantView {
        final Map<StatsScope, ConcurrentHashMap<String, OfferStats>> values = new EnumMap<>(StatsScope.class);
        volatile boolean loaded;

        TenantView() {
            for (StatsScope scope : StatsScope.values()) {
                values.put(scope, new ConcurrentHashMap<>());
            }
        }

        /** The map of the scope {@code id} (a key's {@code <scope>:<id>}) names, else null: no other scope is stored. */
        ConcurrentHashMap<String, OfferStats> scopeOf(String id) {
            int colon = id.indexOf(':');
            StatsScope scope = colon < 0 ? null : StatsScope.fromWireName(id.substring(0, colon));
            return scope == null ? null : values.get(scope);
        }
    }

    private final ConcurrentHashMap<TenantId, TenantView> tenants = new ConcurrentHashMap<>();

    /** Called after {@code key} was written to ({@code value}) or deleted from ({@code null}) the store. */
    void changed(TenantKey key, OfferStats value) {
        TenantView view = tenants.get(key.tenant());
        ConcurrentHashMap<String, OfferStats> scope = view == null ? null : view.scopeOf(key.id());
        if (scope != null) {
            scope.put(withinScope(key.id()), value == null ? DELETED : value);
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
        ConcurrentHashMap<String, OfferStats> scope = view(key.tenant(), store).scopeOf(key.id());
        return scope == null ? null : present(scope.get(withinScope(key.id())));
    }

    /** The stats of {@code tenant}'s {@code scope} {@code id} ({@link StatsScope#key}'s record) without building the key. */
    OfferStats get(TenantId tenant, StatsScope scope, String id, ReadOnlyKeyValueStore<TenantKey, OfferStats> store) {
        return present(view(tenant, store).values.get(scope).get(id));
    }

    private static OfferStats present(OfferStats stats) {
        return stats == DELETED ? null : stats;
    }

    private static String withinScope(String id) {
        return id.substring(id.indexOf(':') + 1);
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
                ConcurrentHashMap<String, OfferStats> scope = kv.value == null || !kv.key.tenant().equals(tenant) ? null
                        : view.scopeOf(kv.key.id());
                if (scope != null) {
                    scope.putIfAbsent(withinScope(kv.key.id()), kv.value);
                }
            });
        }
    }
}
