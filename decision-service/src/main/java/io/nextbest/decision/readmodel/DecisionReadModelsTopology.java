package io.nextbest.decision.readmodel;

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

/**
 * What decision-service reads: as fully replicated local stores every catalog entity except
 * trackers and tenants (API keys included, for authenticating recommend calls) and the tenant-wide
 * {@code offer-stats} ({@link #OFFER_STATS_STORE}); partitioned by customer like its topic, the
 * per-customer {@code customer-contacts} ({@link #CUSTOMER_CONTACTS_STORE}), which instances read
 * through an interactive query that forwards to the owning instance. Catalog store names are
 * {@link #storeName(CatalogEntity)}.
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
        return topics;
    }

    public void buildTopology(StreamsBuilder builder) {
        ENTITIES.forEach(entity -> ReadModels.globalStore(builder, Topics.catalog(entity), storeName(entity)));
        ReadModels.globalStore(builder, Topics.OFFER_STATS, OFFER_STATS_STORE);
        customerContacts(builder);
    }

    // A KTable, not a global store: one entry per customer is too many to replicate to every instance.
    private static void customerContacts(StreamsBuilder builder) {
        Topic<TenantKey, ContactHistory> topic = Topics.CUSTOMER_CONTACTS;
        builder.table(topic.name(), topic.consumed(),
                Materialized.<TenantKey, ContactHistory, KeyValueStore<Bytes, byte[]>>as(CUSTOMER_CONTACTS_STORE)
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }
}
