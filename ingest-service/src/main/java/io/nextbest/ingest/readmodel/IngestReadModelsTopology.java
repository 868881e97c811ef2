package io.nextbest.ingest.readmodel;

import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The state ingest checks on every request without calling another service: API-key hashes,
 * trackers and their stores, outcome types, creatives (to resolve offer and channel of a respond
 * by creative id), tenants and credit balances as replicated global stores; and each customer's
 * recent recommendations, partitioned by customer like the {@code decisions} topic, for respond's
 * {@code recommendationId + rank}.
 */
public class IngestReadModelsTopology {

    public static final String API_KEYS_STORE = "ingest-api-keys";
    public static final String TRACKERS_STORE = "ingest-trackers";
    public static final String OUTCOME_TYPES_STORE = "ingest-outcome-types";
    public static final String CREATIVES_STORE = "ingest-creatives";
    public static final String OFFERS_STORE = "ingest-offers";
    public static final String TENANTS_STORE = "ingest-tenants";
    public static final String CREDIT_BALANCES_STORE = "ingest-credit-balances";
    /** Each recent recommendation under its {@link RecommendationKey}; the customers' indexes are in {@value RecentDecisionsFold#IDS_STORE}. */
    public static final String RECENT_RECOMMENDATIONS_STORE = RecentDecisionsFold.RECOMMENDATIONS_STORE;

    private final int decisionsPerCustomer;
    private final IngestRecordCaches caches;
    private final Function<String, KeyValueBytesStoreSupplier> recentDecisionStores;

    public IngestReadModelsTopology(int decisionsPerCustomer) {
        this(decisionsPerCustomer, new IngestRecordCaches());
    }

    /** @param caches the decoded records this topology keeps current, read by {@link IngestReadModels} */
    public IngestReadModelsTopology(int decisionsPerCustomer, IngestRecordCaches caches) {
        this(decisionsPerCustomer, caches, Stores::persistentKeyValueStore);
    }

    /** @param recentDecisionStores the recent-decisions stores' kind; other than RocksDB only to measure the fold without it */
    IngestReadModelsTopology(int decisionsPerCustomer, IngestRecordCaches caches, Function<String, KeyValueBytesStoreSupplier> recentDecisionStores) {
        if (decisionsPerCustomer < 1) {
            throw new IllegalArgumentException("nextbest.ingest.decisions.per-customer must be at least 1");
        }
        this.decisionsPerCustomer = decisionsPerCustomer;
        this.caches = caches;
        this.recentDecisionStores = recentDecisionStores;
    }

    /** The topics this topology reads, for topic provisioning. */
    public static List<Topic<?, ?>> sourceTopics() {
        return List.of(Topics.catalog(CatalogEntity.API_KEY), Topics.catalog(CatalogEntity.TRACKER),
                Topics.catalog(CatalogEntity.OUTCOME_TYPE), Topics.catalog(CatalogEntity.CREATIVE),
                Topics.catalog(CatalogEntity.OFFER), Topics.catalog(CatalogEntity.TENANT), Topics.CREDIT_BALANCES, Topics.DECISIONS);
    }

    public void buildTopology(StreamsBuilder builder) {
        // Every store a request reads tells its decoded copies when a record changes (IngestRecordCaches).
        ReadModels.updatedGlobalStore(builder, Topics.catalog(CatalogEntity.API_KEY), API_KEYS_STORE, caches.apiKeys);
        ReadModels.updatedGlobalStore(builder, Topics.catalog(CatalogEntity.TRACKER), TRACKERS_STORE, caches.trackers);
        ReadModels.updatedGlobalStore(builder, Topics.catalog(CatalogEntity.OUTCOME_TYPE), OUTCOME_TYPES_STORE, caches.outcomeTypes);
        ReadModels.updatedGlobalStore(builder, Topics.catalog(CatalogEntity.CREATIVE), CREATIVES_STORE, caches.creatives);
        ReadModels.updatedGlobalStore(builder, Topics.catalog(CatalogEntity.OFFER), OFFERS_STORE, caches.offers);
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.TENANT), TENANTS_STORE);
        ReadModels.updatedGlobalStore(builder, Topics.CREDIT_BALANCES, CREDIT_BALANCES_STORE, caches.creditBalances);
        foldRecentDecisions(builder, builder.stream(Topics.DECISIONS.name(), DecisionReads.consumed()));
    }

    // Partitioned, not global: decisions are per customer and too many to replicate to every instance.
    private void foldRecentDecisions(StreamsBuilder builder, KStream<TenantKey, DecisionRecord> decisions) {
        builder.addStateStore(RecentDecisionsFold.idsStore(recentDecisionStores));
        builder.addStateStore(RecentDecisionsFold.recommendationsStore(recentDecisionStores));
        decisions.process(new RecentDecisionsFold(decisionsPerCustomer), Named.as("recent-decisions-fold"),
                RecentDecisionsFold.IDS_STORE, RecentDecisionsFold.RECOMMENDATIONS_STORE);
    }
}
