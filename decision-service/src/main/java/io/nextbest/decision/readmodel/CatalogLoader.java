package io.nextbest.decision.readmodel;

import io.nextbest.decision.pipeline.DecisionCatalog;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.VolumeCap;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads one tenant's catalog from the read-model stores ({@link DecisionReadModelsTopology}):
 * a prefix scan over {@code tenant:} in each entity's store, so a tenant only ever sees its own
 * entities. The store lookup is a function so the same code reads Kafka Streams' queryable
 * stores in the service and {@code TopologyTestDriver}'s stores in tests. Whole-entity reads are
 * served from {@link CatalogSnapshots} while no record of that tenant and entity has changed.
 */
public final class CatalogLoader {

    private final Function<CatalogEntity, ReadOnlyKeyValueStore<TenantKey, CatalogChange>> stores;
    private final CatalogSnapshots snapshots;

    /** Reads the stores on every call (no snapshots). */
    public CatalogLoader(Function<CatalogEntity, ReadOnlyKeyValueStore<TenantKey, CatalogChange>> stores) {
        this(stores, null);
    }

    public CatalogLoader(Function<CatalogEntity, ReadOnlyKeyValueStore<TenantKey, CatalogChange>> stores,
                         CatalogSnapshots snapshots) {
        this.stores = stores;
        this.snapshots = snapshots;
    }

    /** Every entity of the tenant, unmodifiable; in store order (by id). */
    public <T> List<T> all(CatalogEntity entity, TenantId tenant, Class<T> type) {
        // The store is looked up first even for a snapshot hit, so a read model that is not
        // running still answers "not ready" (503) instead of serving a snapshot from before.
        ReadOnlyKeyValueStore<TenantKey, CatalogChange> store = stores.apply(entity);
        return snapshots == null ? List.copyOf(scan(store, tenant, type))
                : snapshots.get(tenant, entity, type, () -> scan(store, tenant, type));
    }

    private static <T> List<T> scan(ReadOnlyKeyValueStore<TenantKey, CatalogChange> store, TenantId tenant, Class<T> type) {
        List<T> values = new ArrayList<>();
        try (KeyValueIterator<TenantKey, CatalogChange> it = store.prefixScan(tenant.value() + ":", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                T value = kv.value == null ? null : kv.value.payloadAs(type);
                if (value != null) {
                    values.add(value);
                }
            });
        }
        return values;
    }

    public <T> Optional<T> one(CatalogEntity entity, TenantId tenant, String id, Class<T> type) {
        CatalogChange change = stores.apply(entity).get(new TenantKey(tenant, id));
        return Optional.ofNullable(change == null ? null : change.payloadAs(type));
    }

    /** Everything a decision under {@code flow} reads; the flow's experiment is looked up by key. */
    public DecisionCatalog catalog(TenantId tenant, DecisionFlow flow) {
        Experiment experiment = flow.experimentKey() == null ? null
                : all(CatalogEntity.EXPERIMENT, tenant, Experiment.class).stream()
                        .filter(e -> flow.experimentKey().equals(e.key())).findFirst().orElse(null);
        return new DecisionCatalog(flow, experiment,
                all(CatalogEntity.OFFER, tenant, Offer.class),
                all(CatalogEntity.CATEGORY, tenant, Category.class),
                all(CatalogEntity.CHANNEL, tenant, Channel.class),
                all(CatalogEntity.CREATIVE, tenant, Creative.class),
                all(CatalogEntity.QUALIFICATION_RULE, tenant, QualificationRule.class),
                all(CatalogEntity.CONTACT_POLICY, tenant, ContactPolicy.class),
                all(CatalogEntity.VOLUME_CAP, tenant, VolumeCap.class));
    }
}
