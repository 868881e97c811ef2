package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.StoreNotReadyException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import reactor.core.publisher.Mono;

/**
 * decision-service's access to its running read-model stores: the catalog (through
 * {@link CatalogLoader}), the offer statistics (through {@link StatisticsLoader}) and API keys from
 * the local global stores, and a customer's contact history and a user's recent items from whichever
 * instance owns the key (through {@link PartitionedLookups}). While the Streams app is not running every read fails with
 * {@link StoreNotReadyException} (503): answering "unknown key" or "no active flow" from a
 * half-loaded store would turn a restart into false 401s and 404s.
 */
public class DecisionReadModels {

    private final Supplier<KafkaStreams> streams;
    private final PartitionedLookups partitioned;
    private final CatalogSnapshots snapshots;
    private final OfferStatsSnapshots offerStatsSnapshots;

    /**
     * @param snapshots           the instance the read-model topology invalidates
     * @param offerStatsSnapshots the instance the read-model topology keeps current
     *                            (both: {@link DecisionReadModelsTopology#DecisionReadModelsTopology(CatalogSnapshots, OfferStatsSnapshots)})
     */
    public DecisionReadModels(Supplier<KafkaStreams> streams, PartitionedLookups partitioned, CatalogSnapshots snapshots,
                              OfferStatsSnapshots offerStatsSnapshots) {
        this.streams = streams;
        this.partitioned = partitioned;
        this.snapshots = snapshots;
        this.offerStatsSnapshots = offerStatsSnapshots;
    }

    public CatalogLoader catalog() {
        return new CatalogLoader(entity -> store(DecisionReadModelsTopology.storeName(entity)), snapshots);
    }

    public StatisticsLoader statistics() {
        return new StatisticsLoader(() -> store(DecisionReadModelsTopology.OFFER_STATS_STORE), offerStatsSnapshots);
    }

    /**
     * The customer's stored contact history ({@link ContactHistory#EMPTY} when none), read on the
     * instance owning the customer's partition; never blocks the calling thread.
     */
    public Mono<ContactHistory> customerContacts(TenantId tenant, String customerId) {
        return partitioned.get(PartitionedReadModel.CUSTOMER_CONTACTS, new TenantKey(tenant, customerId))
                .map(found -> found.orElse(ContactHistory.EMPTY));
    }

    /**
     * The user's recent items, newest first ({@link UserRecentItems#EMPTY} for an unknown user), read
     * on the instance owning the user's partition, always under the project's key; never blocks the
     * calling thread.
     */
    public Mono<UserRecentItems> userRecentItems(TenantId project, String userId) {
        return partitioned.get(PartitionedReadModel.USER_RECENT_ITEMS, new TenantKey(project, userId))
                .map(found -> found.orElse(UserRecentItems.EMPTY));
    }

    /** The replicated item models of the personalization API's predictions. */
    public ItemModelStores itemModels() {
        return new ItemModelStores(() -> store(DecisionReadModelsTopology.ITEM_STATS_STORE),
                () -> store(DecisionReadModelsTopology.ITEM_COOCCURRENCE_STORE));
    }

    public Optional<ApiKey> apiKey(TenantId tenant, String keyId) {
        // The store first even when the key is decoded in memory: a read model that is not running answers 503.
        ReadOnlyKeyValueStore<TenantKey, CatalogChange> keys = store(DecisionReadModelsTopology.storeName(CatalogEntity.API_KEY));
        return snapshots.apiKey(new TenantKey(tenant, keyId), keys::get);
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        KafkaStreams current = streams.get();
        if (current == null || !current.state().isRunningOrRebalancing()) {
            throw new StoreNotReadyException("read model " + name + " is loading", null);
        }
        try {
            return current.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreNotReadyException("read model " + name + " is loading", e);
        }
    }
}
