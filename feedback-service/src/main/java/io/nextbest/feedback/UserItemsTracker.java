package io.nextbest.feedback;

import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps each user's recent items and, for every item event, pairs its items with the user's other
 * items touched within the co-occurrence window — before the list is updated, so the pairs are
 * those this event created. The user's list is bounded, so one event yields at most
 * {@code items × recentPerUser} pairs however long the user's history.
 */
final class UserItemsTracker implements FixedKeyProcessorSupplier<TenantKey, UserItemTouch, UserItemsUpdate> {

    private final String storeName;
    private final FeedbackProperties.ItemSettings settings;

    UserItemsTracker(String storeName, FeedbackProperties.ItemSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName),
                KeySerdes.tenantKey(), FeedbackSerdes.USER_RECENT_ITEMS));
    }

    @Override
    public FixedKeyProcessor<TenantKey, UserItemTouch, UserItemsUpdate> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<TenantKey, UserItemsUpdate> context;
            private KeyValueStore<TenantKey, UserRecentItems> recent;

            @Override
            public void init(FixedKeyProcessorContext<TenantKey, UserItemsUpdate> context) {
                this.context = context;
                this.recent = context.getStateStore(storeName);
            }

            @Override
            public void process(FixedKeyRecord<TenantKey, UserItemTouch> record) {
                UserItemTouch touch = record.value();
                if (touch.itemIds().isEmpty()) {
                    return;
                }
                Instant at = touch.at();
                Set<String> itemIds = new LinkedHashSet<>(touch.itemIds());
                UserRecentItems before = recent.get(record.key());
                before = before == null ? UserRecentItems.EMPTY : before;
                List<UserItemsUpdate.ItemPair> pairs = pairs(itemIds, before, at);
                UserRecentItems after = before;
                for (String itemId : itemIds) {
                    after = after.plus(new RecentItem(itemId, touch.eventType(), at), settings.recentPerUser());
                }
                recent.put(record.key(), after);
                context.forward(record.withValue(new UserItemsUpdate(after, pairs)));
            }
        };
    }

    private List<UserItemsUpdate.ItemPair> pairs(Set<String> touched, UserRecentItems before, Instant at) {
        Duration window = settings.cooccurrenceWindow();
        List<UserItemsUpdate.ItemPair> pairs = new ArrayList<>();
        for (RecentItem earlier : before.items()) {
            boolean close = !earlier.timestamp().isBefore(at.minus(window)) && !earlier.timestamp().isAfter(at.plus(window));
            if (!close || touched.contains(earlier.itemId())) {
                continue;
            }
            for (String itemId : touched) {
                pairs.add(new UserItemsUpdate.ItemPair(itemId, earlier.itemId(), 1.0));
                pairs.add(new UserItemsUpdate.ItemPair(earlier.itemId(), itemId, 1.0));
            }
        }
        // Items of one event (a basket) co-occur with each other too.
        for (String itemId : touched) {
            for (String other : touched) {
                if (!itemId.equals(other)) {
                    pairs.add(new UserItemsUpdate.ItemPair(itemId, other, 1.0));
                }
            }
        }
        return pairs;
    }
}
