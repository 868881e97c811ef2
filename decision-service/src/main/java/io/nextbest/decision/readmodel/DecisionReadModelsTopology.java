package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.GlobalStoreUpdater;
import io.nextbest.support.streams.ReadModels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What decision-service reads: as fully replicated local stores every catalog entity except
 * trackers and tenants (API keys included, for authenticating recommend calls), the tenant-wide
 * {@code offer-stats} ({@link #OFFER_STATS_STORE}) and the item models {@code item-stats} and
 * {@code item-cooccurrence}; partitioned like their topics, the per-customer {@code customer-contacts}
 * ({@link #CUSTOMER_CONTACTS_STORE}) and the per-user {@code user-recent-items}
 * ({@link #USER_RECENT_ITEMS_STORE}), which instances read through {@link PartitionedLookups}, forwarding
 * to the owning instance. Catalog store names are {@link #storeName(CatalogEntity)}.
 * Catalog and {@code offer-stats} records pass through a {@link GlobalStoreUpdater}, which
 * invalidates the {@link CatalogSnapshots} recommend reads, or keeps {@link OfferStatsSnapshots}
 * current.
 */
public class DecisionReadModelsTopology {

    static final Set<CatalogEntity> ENTITIES = EnumSet.complementOf(
            EnumSet.of(CatalogEntity.TRACKER, CatalogEntity.TENANT));

    public static final String OFFER_STATS_STORE = "decision-offer-stats";
    /** Partitioned: each instance holds the customers of its partitions; query it through {@code InteractiveQuery}. */
    public static final String CUSTOMER_CONTACTS_STORE = "decision-customer-contacts";

    public static String storeName(CatalogEntity entity) {
        return "decision-" + entity.wireName();
    }

    /** The topics this topology reads, for topic provisioning. */
    public static List<Topic<?, ?>> sourceTopics() {
        List<Topic<?, ?>> topics = new ArrayList<>(ENTITIES.stream().<Topic<?, ?>>map(Topics::catalog).toList());
        topics.addAll(List.of(Topics.OFFER_STATS, Topics.CUSTOMER_CONTACTS));
        topics.addAll(ITEM_MODEL_TOPICS);
        return topics;
    }

    private final CatalogSnapshots snapshots;
    private final OfferStatsSnapshots offerStatsSnapshots;

    /** Without anyone reading snapshots (tests of the stores alone). */
    public DecisionReadModelsTopology() {
        this(new CatalogSnapshots(), new OfferStatsSnapshots());
    }

    public DecisionReadModelsTopology(CatalogSnapshots snapshots, OfferStatsSnapshots offerStatsSnapshots) {
        this.snapshots = snapshots;
        this.offerStatsSnapshots = offerStatsSnapshots;
    }

    public void buildTopology(StreamsBuilder builder) {
        ENTITIES.forEach(entity -> catalogStore(builder, entity));
        offerStatsStore(builder);
        PartitionedReadModel.ALL.forEach(model -> partitionedTable(builder, model));
        buildItemModels(builder);
    }

    // --- Item models for the personalization API's predictions (io.nextbest.decision.prediction) ---

    /** {@code item-stats}: decayed popularity per {@code project:itemId}. */
    public static final String ITEM_STATS_STORE = "decision-item-stats";
    /** {@code item-cooccurrence}: neighbours per {@code project:itemId}. */
    public static final String ITEM_COOCCURRENCE_STORE = "decision-item-cooccurrence";
    /**
     * {@code user-recent-items}: recent items per {@code project:userId}. Partitioned like
     * {@link #CUSTOMER_CONTACTS_STORE}: each instance holds the users of its partitions; query it
     * through {@link PartitionedLookups}.
     */
    public static final String USER_RECENT_ITEMS_STORE = "decision-user-recent-items";

    static final List<Topic<?, ?>> ITEM_MODEL_TOPICS = List.of(Topics.ITEM_STATS, Topics.ITEM_COOCCURRENCE, Topics.USER_RECENT_ITEMS);

    /** The per-item models feedback-service publishes, as fully replicated stores (user-recent-items is partitioned). */
    void buildItemModels(StreamsBuilder builder) {
        ReadModels.globalStore(builder, Topics.ITEM_STATS, ITEM_STATS_STORE);
        ReadModels.globalStore(builder, Topics.ITEM_COOCCURRENCE, ITEM_COOCCURRENCE_STORE);
    }

    // A KTable, not a global store: one entry per customer (or user) is too many to replicate to every
    // instance. The store is partitioned like its topic, so the topic's partition count bounds how far it spreads.
    private static <V> void partitionedTable(StreamsBuilder builder, PartitionedReadModel<V> model) {
        Topic<TenantKey, V> topic = model.topic();
        builder.table(topic.name(), topic.consumed(),
                Materialized.<TenantKey, V, KeyValueStore<Bytes, byte[]>>as(model.storeName())
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }

    /**
     * Like {@link #catalogStore}: the store a GlobalKTable would materialize, filled by a
     * {@link GlobalStoreUpdater} that also keeps {@link OfferStatsSnapshots} current (dropped when
     * the store is re-initialised, since a restore may start from an empty store).
     */
    private void offerStatsStore(StreamsBuilder builder) {
        ReadModels.updatedGlobalStore(builder, Topics.OFFER_STATS, OFFER_STATS_STORE, new GlobalStoreUpdater.Listener<>() {
            @Override
            public void changed(TenantKey key, OfferStats value) {
                offerStatsSnapshots.changed(key, value);
            }

            @Override
            public void restarting() {
                offerStatsSnapshots.reset();
            }
        });
    }

    /**
     * The same timestamped key-value store a GlobalKTable materializes (so existing state
     * directories stay readable), filled by a {@link GlobalStoreUpdater} instead of the built-in
     * source so that every write also bumps the tenant's snapshot version (a restore rewrites every
     * record, so it bumps them too).
     */
    private void catalogStore(StreamsBuilder builder, CatalogEntity entity) {
        if (entity == CatalogEntity.API_KEY) {
            GlobalStoreUpdater.Listener<TenantKey, CatalogChange> decoded = snapshots.apiKeys();
            ReadModels.updatedGlobalStore(builder, Topics.catalog(entity), storeName(entity), new GlobalStoreUpdater.Listener<>() {
                @Override
                public void changed(TenantKey key, CatalogChange change) {
                    snapshots.changed(key.tenant(), entity);
                    decoded.changed(key, change);
                }

                @Override
                public void restarting() {
                    decoded.restarting();
                }
            });
            return;
        }
        ReadModels.updatedGlobalStore(builder, Topics.catalog(entity), storeName(entity), (key, change) -> snapshots.changed(key.tenant(), entity));
    }
}
