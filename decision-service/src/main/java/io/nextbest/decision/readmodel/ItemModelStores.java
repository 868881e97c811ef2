package io.nextbest.decision.readmodel;

import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads feedback-service's replicated item models from decision's stores, always under one project's
 * {@code project:} keys, so a project only ever sees its own items (a user's recent items are
 * partitioned: {@link DecisionReadModels#userRecentItems}). The store lookups
 * are suppliers so the same code reads Kafka Streams' stores in the service and
 * {@code TopologyTestDriver}'s in tests.
 */
public final class ItemModelStores {

    private final Supplier<ReadOnlyKeyValueStore<TenantKey, ItemStats>> stats;
    private final Supplier<ReadOnlyKeyValueStore<TenantKey, ItemNeighbours>> cooccurrence;

    public ItemModelStores(Supplier<ReadOnlyKeyValueStore<TenantKey, ItemStats>> stats,
                           Supplier<ReadOnlyKeyValueStore<TenantKey, ItemNeighbours>> cooccurrence) {
        this.stats = stats;
        this.cooccurrence = cooccurrence;
    }

    /** The item's co-occurrence neighbours, heaviest first; empty for an item never seen with another. */
    public ItemNeighbours neighbours(TenantId project, String itemId) {
        ItemNeighbours neighbours = cooccurrence.get().get(new TenantKey(project, itemId));
        return neighbours == null ? ItemNeighbours.EMPTY : neighbours;
    }

    /** Every item's stats of the project, by a prefix scan: for building a bounded top-N, not per request. */
    public void forEachItemStats(TenantId project, BiConsumer<String, ItemStats> action) {
        try (KeyValueIterator<TenantKey, ItemStats> it = stats.get().prefixScan(project.value() + ":", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    action.accept(kv.key.id(), kv.value);
                }
            });
        }
    }
}
