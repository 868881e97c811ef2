package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What decision-service reads, held as fully replicated local stores: every catalog entity except
 * trackers and tenants (API keys included, for authenticating recommend calls), and the learned
 * statistics feedback-service writes — {@code offer-stats} ({@link #OFFER_STATS_STORE}) and
 * {@code customer-contacts} ({@link #CUSTOMER_CONTACTS_STORE}). Catalog store names are
 * {@link #storeName(CatalogEntity)}; their records pass through {@link CatalogStoreUpdater}, which
 * invalidates the {@link CatalogSnapshots} recommend reads.
 */
public class DecisionReadModelsTopology {

    static final Set<CatalogEntity> ENTITIES = EnumSet.complementOf(
            EnumSet.of(CatalogEntity.TRACKER, CatalogEntity.TENANT));

    public static final String OFFER_STATS_STORE = "decision-offer-stats";
    /**
     * Replicated on every instance for now; a partitioned store queried through
     * {@code InteractiveQuery} (forwarding to the owner) is the scale-out path.
     */
    public static final String CUSTOMER_CONTACTS_STORE = "decision-customer-contacts";

    public static String storeName(CatalogEntity entity) {
        return "decision-" + entity.wireName();
    }

    /** The topics this topology reads, for topic provisioning. */
    public static List<Topic<?, ?>> sourceTopics() {
        List<Topic<?, ?>> topics = new ArrayList<>(ENTITIES.stream().<Topic<?, ?>>map(Topics::catalog).toList());
        topics.addAll(List.of(Topics.OFFER_STATS, Topics.CUSTOMER_CONTACTS));
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
        ReadModels.globalStore(builder, Topics.CUSTOMER_CONTACTS, CUSTOMER_CONTACTS_STORE);
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
