package io.nextbest.ingest.readmodel;

import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.streams.DecodedRecords;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Typed lookups in ingest's replicated global stores. While the Streams app is not (yet) running
 * every lookup fails with {@link ServiceUnavailableException}: answering "unknown key" from a
 * half-loaded store would turn a restart into a burst of false 401s.
 */
public class IngestReadModels {

    private final Stores stores;
    private final IngestRecordCaches caches;

    /** @param caches the ones the Streams app's {@link IngestReadModelsTopology} keeps current */
    public IngestReadModels(Supplier<KafkaStreams> streams, Duration retryAfter, IngestRecordCaches caches) {
        this(new RunningApp(streams, retryAfter), caches);
    }

    /** Over stores found by name, e.g. a {@code TopologyTestDriver}'s in tests and benchmarks. */
    public IngestReadModels(Stores stores, IngestRecordCaches caches) {
        this.stores = stores;
        this.caches = caches;
    }

    /** Finds the stores by name, e.g. the running app's, or a {@code TopologyTestDriver}'s in tests and benchmarks. */
    public interface Stores {

        /** Throws {@link ServiceUnavailableException} while the store is not queryable. */
        void requireReadable(String name);

        /** The store; throws {@link ServiceUnavailableException} while it is not queryable. */
        <K, V> ReadOnlyKeyValueStore<K, V> store(String name);
    }

    public Optional<ApiKey> apiKey(TenantId tenant, String keyId) {
        return lookup(IngestReadModelsTopology.API_KEYS_STORE, caches.apiKeys, new TenantKey(tenant, keyId));
    }

    public Optional<Tracker> tracker(TenantId project, String trackerId) {
        return lookup(IngestReadModelsTopology.TRACKERS_STORE, caches.trackers, new TenantKey(project, trackerId));
    }

    public Optional<Creative> creative(TenantId tenant, String creativeId) {
        return lookup(IngestReadModelsTopology.CREATIVES_STORE, caches.creatives, new TenantKey(tenant, creativeId));
    }

    public Optional<Offer> offer(TenantId tenant, String offerId) {
        return lookup(IngestReadModelsTopology.OFFERS_STORE, caches.offers, new TenantKey(tenant, offerId));
    }

    /** A tenant-defined outcome type; the system types are not on the topic. */
    public Optional<OutcomeType> outcomeType(TenantId tenant, String key) {
        return lookup(IngestReadModelsTopology.OUTCOME_TYPES_STORE, caches.outcomeTypes, new TenantKey(tenant, key));
    }

    /** The project's balance; a project that never had a top-up has none. */
    public CreditBalance creditBalance(TenantId project) {
        return lookup(IngestReadModelsTopology.CREDIT_BALANCES_STORE, caches.creditBalances, project).orElse(CreditBalance.EMPTY);
    }

    /**
     * The decoded record from memory when the store's record has not changed since it was decoded,
     * else from the store. Readability is checked first either way: while the app is not running
     * that answers 503, never a possibly stale memory.
     */
    private <K, V, T> Optional<T> lookup(String storeName, DecodedRecords<K, V, T> records, K key) {
        stores.requireReadable(storeName);
        return records.get(key, k -> stores.<K, V>store(storeName).get(k));
    }

    /** The stores of the running Streams app; 503 while it is starting, rebalancing away or stopped. */
    private record RunningApp(Supplier<KafkaStreams> streams, Duration retryAfter) implements Stores {

        @Override
        public void requireReadable(String name) {
            running(name);
        }

        @Override
        public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
            KafkaStreams current = running(name);
            try {
                return current.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
            } catch (InvalidStateStoreException e) {
                throw notReady(name, e);
            }
        }

        private KafkaStreams running(String name) {
            KafkaStreams current = streams.get();
            if (current == null || !current.state().isRunningOrRebalancing()) {
                throw notReady(name, null);
            }
            return current;
        }

        private ServiceUnavailableException notReady(String name, Throwable cause) {
            return new ServiceUnavailableException("read model " + name + " is loading", retryAfter, cause);
        }
    }
}
