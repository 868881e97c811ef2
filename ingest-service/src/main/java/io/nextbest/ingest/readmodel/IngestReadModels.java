package io.nextbest.ingest.readmodel;

import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
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

    private final Supplier<KafkaStreams> streams;
    private final Duration retryAfter;

    public IngestReadModels(Supplier<KafkaStreams> streams, Duration retryAfter) {
        this.streams = streams;
        this.retryAfter = retryAfter;
    }

    public Optional<ApiKey> apiKey(TenantId tenant, String keyId) {
        return catalog(IngestReadModelsTopology.API_KEYS_STORE, new TenantKey(tenant, keyId), ApiKey.class);
    }

    public Optional<Tracker> tracker(TenantId project, String trackerId) {
        return catalog(IngestReadModelsTopology.TRACKERS_STORE, new TenantKey(project, trackerId), Tracker.class);
    }

    public Optional<Creative> creative(TenantId tenant, String creativeId) {
        return catalog(IngestReadModelsTopology.CREATIVES_STORE, new TenantKey(tenant, creativeId), Creative.class);
    }

    public Optional<Offer> offer(TenantId tenant, String offerId) {
        return catalog(IngestReadModelsTopology.OFFERS_STORE, new TenantKey(tenant, offerId), Offer.class);
    }

    /** A tenant-defined outcome type; the system types are not on the topic. */
    public Optional<OutcomeType> outcomeType(TenantId tenant, String key) {
        return catalog(IngestReadModelsTopology.OUTCOME_TYPES_STORE, new TenantKey(tenant, key), OutcomeType.class);
    }

    /** The project's balance; a project that never had a top-up has none. */
    public CreditBalance creditBalance(TenantId project) {
        ReadOnlyKeyValueStore<TenantId, CreditBalance> store = store(IngestReadModelsTopology.CREDIT_BALANCES_STORE);
        CreditBalance balance = store.get(project);
        return balance == null ? CreditBalance.EMPTY : balance;
    }

    private <T> Optional<T> catalog(String storeName, TenantKey key, Class<T> type) {
        ReadOnlyKeyValueStore<TenantKey, CatalogChange> store = store(storeName);
        CatalogChange change = store.get(key);
        return change == null || change.isTombstone() ? Optional.empty() : Optional.ofNullable(change.payloadAs(type));
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        KafkaStreams current = streams.get();
        if (current == null || !current.state().isRunningOrRebalancing()) {
            throw notReady(name, null);
        }
        try {
            return current.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notReady(name, e);
        }
    }

    private ServiceUnavailableException notReady(String name, Throwable cause) {
        return new ServiceUnavailableException("read model " + name + " is loading", retryAfter, cause);
    }
}
