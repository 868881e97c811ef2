package io.nextbest.ingest.readmodel;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Folds {@code decisions} into each customer's last {@code limit} recommendations, kept in two
 * stores of the record's task: the customer's index of ids, and every recommendation under its own
 * {@link RecommendationKey}. A recommend call so writes its own ~0.4 KB and the ~0.8 KB index,
 * where one value holding all twenty recommendations (~8 KB) was read, rewritten and sent to the
 * changelog on every call. Respond reads one recommendation by its key. A replayed record (already
 * in the index) changes nothing; the ones that fall out of the index are deleted.
 */
final class RecentDecisionsFold implements ProcessorSupplier<TenantKey, DecisionRecord, Void, Void> {

    static final String IDS_STORE = "ingest-recent-recommendation-ids";
    static final String RECOMMENDATIONS_STORE = "ingest-recent-recommendations";

    private final int limit;

    RecentDecisionsFold(int limit) {
        this.limit = limit;
    }

    /** Both stores, record-cached (several placements of one call meet in one commit) and changelogged. */
    static StoreBuilder<KeyValueStore<TenantKey, RecentRecommendationIds>> idsStore(Function<String, KeyValueBytesStoreSupplier> stores) {
        return Stores.keyValueStoreBuilder(stores.apply(IDS_STORE), KeySerdes.tenantKey(), RecentDecisionsSerde.IDS).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<RecommendationKey, RecentRecommendation>> recommendationsStore(
            Function<String, KeyValueBytesStoreSupplier> stores) {
        return Stores.keyValueStoreBuilder(stores.apply(RECOMMENDATIONS_STORE), RecommendationKey.SERDE, RecentDecisionsSerde.RECOMMENDATION)
                .withCachingEnabled();
    }

    @Override
    public Processor<TenantKey, DecisionRecord, Void, Void> get() {
        return new Processor<>() {
            private KeyValueStore<TenantKey, RecentRecommendationIds> ids;
            private KeyValueStore<RecommendationKey, RecentRecommendation> recommendations;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                ids = context.getStateStore(IDS_STORE);
                recommendations = context.getStateStore(RECOMMENDATIONS_STORE);
            }

            @Override
            public void process(Record<TenantKey, DecisionRecord> record) {
                TenantKey customer = record.key();
                DecisionRecord decision = record.value();
                if (customer == null || decision == null) {
                    return;
                }
                RecentRecommendationIds known = ids.get(customer);
                RecentRecommendationIds index = known == null ? RecentRecommendationIds.EMPTY : known;
                if (index.contains(decision.recommendationId())) {
                    return;
                }
                RecentRecommendationIds.Added added = index.with(decision.recommendationId(), limit);
                ids.put(customer, added.index());
                recommendations.put(new RecommendationKey(customer, decision.recommendationId()),
                        new RecentRecommendation(decision.recommendationId(), decision.decisions(), decision.timestamp()));
                // put(key, null) rather than delete(key): delete reads the old value back first.
                added.dropped().forEach(id -> recommendations.put(new RecommendationKey(customer, id), null));
            }
        };
    }
}
