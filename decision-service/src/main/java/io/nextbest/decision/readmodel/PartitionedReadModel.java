package io.nextbest.decision.readmodel;

import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One per-customer (or per-user) read model of decision's read-model app: a source KTable of
 * {@code topic}, partitioned like it, materialized as {@code storeName} and read through
 * {@link PartitionedLookups}. The two differ only in store, topic and value type, so one
 * topology step, one lookup component and one internal endpoint serve both; {@code name} is
 * the endpoint's path segment and the forwarded counter's middle part.
 */
public record PartitionedReadModel<V>(String name, String storeName, Topic<TenantKey, V> topic, Class<V> valueType) {

    static final String PATH_PREFIX = "/internal/decision/";

    /** Contact history per {@code tenant:customerId}, read by recommend's contact policies. */
    public static final PartitionedReadModel<ContactHistory> CUSTOMER_CONTACTS = new PartitionedReadModel<>(
            "customer-contacts", DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE, Topics.CUSTOMER_CONTACTS, ContactHistory.class);

    /** Recent items per {@code project:userId}, read by personalized predictions. */
    public static final PartitionedReadModel<UserRecentItems> USER_RECENT_ITEMS = new PartitionedReadModel<>(
            "user-recent-items", DecisionReadModelsTopology.USER_RECENT_ITEMS_STORE, Topics.USER_RECENT_ITEMS, UserRecentItems.class);

    public static final List<PartitionedReadModel<?>> ALL = List.of(CUSTOMER_CONTACTS, USER_RECENT_ITEMS);

    /** The read model an internal path segment names. */
    static Optional<PartitionedReadModel<?>> named(String name) {
        return ALL.stream().filter(model -> model.name().equals(name)).findFirst();
    }

    /** The owner's internal path for this read model. */
    public String path() {
        return PATH_PREFIX + name;
    }

    /** The encoded path and query of a forwarded lookup of {@code key}, as the owner's {@link ForwardedLookupEndpoint} reads it. */
    String forwardPath(TenantKey key) {
        return path() + "?tenant=" + encode(key.tenant().value()) + "&id=" + encode(key.id());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
