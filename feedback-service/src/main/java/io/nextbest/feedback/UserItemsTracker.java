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
                List<UserItemsUpdate.ItemPairs> pairs = pairs(itemIds, before, at);
                UserRecentItems after = before;
                for (String itemId : itemIds) {
                    after = after.plus(new RecentItem(itemId, touch.eventType(), at), settings.recentPerUser());
                }
                recent.put(record.key(), after);
                context.forward(record.withValue(new UserItemsUpdate(after, pairs)));
            }
        };
    }

    // Folded per item: each touched item gets the close earlier items and the event's other items
    // (a basket co-occurs with itself), each close earlier item gets the touched items. Per item,
    // the neighbours come in the order the pairs came in one at a time before.
    private List<UserItemsUpdate.ItemPairs> pairs(Set<String> touched, UserRecentItems before, Instant at) {
        Duration window = settings.cooccurrenceWindow();
        List<String> close = new ArrayList<>();
        for (RecentItem earlier : before.items()) {
            boolean near = !earlier.timestamp().isBefore(at.minus(window)) && !earlier.timestamp().isAfter(at.plus(window));
            if (near && !touched.contains(earlier.itemId())) {
                close.add(earlier.itemId());
            }
        }
        List<UserItemsUpdate.ItemPairs> pairs = new ArrayList<>(touched.size() + close.size());
        for (String itemId : touched) {
            List<String> neighbours = new ArrayList<>(close.size() + touched.size() - 1);
            neighbours.addAll(close);
            for (String other : touched) {
                if (!itemId.equals(other)) {
                    neighbours.add(other);
                }
            }
            if (!neighbours.isEmpty()) {
                pairs.add(new UserItemsUpdate.ItemPairs(itemId, neighbours, 1.0));
            }
        }
        List<String> touchedItems = List.copyOf(touched);
        for (String earlier : close) {
            pairs.add(new UserItemsUpdate.ItemPairs(earlier, touchedItems, 1.0));
        }
        return pairs;
    }
}
