package io.nextbest.decision.readmodel;

import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InteractiveQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The interactive queries of decision's partitioned read models ({@link PartitionedReadModel#ALL}),
 * one {@link InteractiveQuery} per store: local when this instance owns the key's partition, else
 * forwarded to the owner. Lookups never block the calling thread.
 */
public final class PartitionedLookups {

    /** Builds the query of one read model; the value type of the query is the model's. */
    public interface QueryFactory {
        <V> InteractiveQuery<TenantKey, V> create(PartitionedReadModel<V> model);
    }

    private final Map<String, InteractiveQuery<TenantKey, ?>> queries = new HashMap<>();

    public PartitionedLookups(QueryFactory factory) {
        PartitionedReadModel.ALL.forEach(model -> queries.put(model.name(), factory.create(model)));
    }

    /** The key's value from whichever instance owns it; empty when the key has none. */
    public <V> Mono<Optional<V>> get(PartitionedReadModel<V> model, TenantKey key) {
        return query(model).get(key);
    }

    /** The key's value from this instance's own partitions; the owner's side of a forwarded lookup. */
    <V> Mono<Optional<V>> getLocal(PartitionedReadModel<V> model, TenantKey key) {
        return query(model).getLocal(key);
    }

    @SuppressWarnings("unchecked") // every query was created for its model, so its value type is the model's
    private <V> InteractiveQuery<TenantKey, V> query(PartitionedReadModel<V> model) {
        return (InteractiveQuery<TenantKey, V>) queries.get(model.name());
    }
}
