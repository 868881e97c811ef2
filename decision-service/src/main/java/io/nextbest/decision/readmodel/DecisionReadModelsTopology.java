package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * What decision-service reads, held as fully replicated local stores: every catalog entity except
 * trackers and tenants (API keys included, for authenticating recommend calls), and the learned
 * statistics feedback-service writes — {@code offer-stats} ({@link #OFFER_STATS_STORE}) and
 * {@code customer-contacts} ({@link #CUSTOMER_CONTACTS_STORE}). Catalog store names are
 * {@link #storeName(CatalogEntity)}.
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
        topics.addAll(ITEM_MODEL_TOPICS);
        return topics;
    }

    public void buildTopology(StreamsBuilder builder) {
        ENTITIES.forEach(entity -> ReadModels.globalStore(builder, Topics.catalog(entity), storeName(entity)));
        ReadModels.globalStore(builder, Topics.OFFER_STATS, OFFER_STATS_STORE);
        ReadModels.globalStore(builder, Topics.CUSTOMER_CONTACTS, CUSTOMER_CONTACTS_STORE);
        buildItemModels(builder);
    }

    // --- Item models for the personalization API's predictions (io.nextbest.decision.prediction) ---

    /** {@code item-stats}: decayed popularity per {@code project:itemId}. */
    public static final String ITEM_STATS_STORE = "decision-item-stats";
    /** {@code item-cooccurrence}: neighbours per {@code project:itemId}. */
    public static final String ITEM_COOCCURRENCE_STORE = "decision-item-cooccurrence";
    /**
     * {@code user-recent-items}: recent items per {@code project:userId}. Replicated on every
     * instance for now, like customer contacts; the scale-out path is a partitioned store read
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
}
