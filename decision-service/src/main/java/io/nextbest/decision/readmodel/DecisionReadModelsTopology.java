package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What decision-service reads: as fully replicated local stores every catalog entity except
 * trackers and tenants (API keys included, for authenticating recommend calls) and the tenant-wide
 * {@code offer-stats} ({@link #OFFER_STATS_STORE}); partitioned by customer like its topic, the
 * per-customer {@code customer-contacts} ({@link #CUSTOMER_CONTACTS_STORE}), which instances read
 * through an interactive query that forwards to the owning instance. Catalog store names are
 * {@link #storeName(CatalogEntity)}; their records pass through {@link CatalogStoreUpdater}, which
 * invalidates the {@link CatalogSnapshots} recommend reads.
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

    /** Without anyone reading snapshots (tests of the stores alone). */
    public DecisionReadModelsTopology() {
        this(new CatalogSnapshots());
    }

    public DecisionReadModelsTopology(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public void buildTopology(StreamsBuilder builder) {
        ENTITIES.forEach(entity -> catalogStore(builder, entity));
        ReadModels.globalStore(builder, Topics.OFFER_STATS, OFFER_STATS_STORE);
        customerContacts(builder);
        buildItemModels(builder);
    }

    // --- Item models for the personalization API's predictions (io.nextbest.decision.prediction) ---

    /** {@code item-stats}: decayed popularity per {@code project:itemId}. */
    public static final String ITEM_STATS_STORE = "decision-item-stats";
    /** {@code item-cooccurrence}: neighbours per {@code project:itemId}. */
    public static final String ITEM_COOCCURRENCE_STORE = "decision-item-cooccurrence";
    /**
     * {@code user-recent-items}: recent items per {@code project:userId}. Replicated on every
     * instance for now (customer contacts are partitioned already); the scale-out path is a partitioned store read
     * through {@code InteractiveQuery}.
     */
    public static final String USER_RECENT_ITEMS_STORE = "decision-user-recent-items";

    static final List<Topic<?, ?>> ITEM_MODEL_TOPICS = List.of(Topics.ITEM_STATS, Topics.ITEM_COOCCURRENCE, Topics.USER_RECENT_ITEMS);

    /** The item models feedback-service publishes, as fully replicated stores. */
    void buildItemModels(StreamsBuilder builder) {
        ReadModels.globalStore(builder, Topics.ITEM_STATS, ITEM_STATS_STORE);
        ReadModels.globalStore(builder, Topics.ITEM_COOCCURRENCE, ITEM_COOCCURRENCE_STORE);
        ReadModels.globalStore(builder, Topics.USER_RECENT_ITEMS, USER_RECENT_ITEMS_STORE);
    }

    // A KTable, not a global store: one entry per customer is too many to replicate to every instance.
    private static void customerContacts(StreamsBuilder builder) {
        Topic<TenantKey, ContactHistory> topic = Topics.CUSTOMER_CONTACTS;
        builder.table(topic.name(), topic.consumed(),
                Materialized.<TenantKey, ContactHistory, KeyValueStore<Bytes, byte[]>>as(CUSTOMER_CONTACTS_STORE)
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }

    /**
     * The same timestamped key-value store a GlobalKTable materializes (so existing state
     * directories stay readable), filled by {@link CatalogStoreUpdater} instead of the built-in
     * source so that every write also bumps the tenant's snapshot version.
     */
    private void catalogStore(StreamsBuilder builder, CatalogEntity entity) {
        Topic<TenantKey, CatalogChange> topic = Topics.catalog(entity);
        String store = storeName(entity);
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(store),
                        topic.keySerde(), topic.valueSerde()).withLoggingDisabled(),
                topic.name(), topic.consumed(), () -> new CatalogStoreUpdater(store, entity, snapshots));
    }
}
