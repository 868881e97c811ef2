package io.nextbest.catalog.sample;

import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes the coffee-chain dataset into one tenant, in one transaction and through the outbox
 * like any admin write. Upserts, so loading again restores the demo state without duplicates.
 */
@Component
public class SampleData {

    private final EntityStore store;

    SampleData(EntityStore store) {
        this.store = store;
    }

    /** Loads the dataset; answers how many entries of each entity it wrote. */
    public Mono<Map<String, Integer>> load(TenantId tenant) {
        CoffeeChainDataset data = new CoffeeChainDataset();
        var offers = data.offers();
        var channels = data.channels();
        Map<CatalogEntity, List<?>> all = new LinkedHashMap<>();
        all.put(CatalogEntity.CATEGORY, data.categories());
        all.put(CatalogEntity.OFFER, offers);
        all.put(CatalogEntity.CHANNEL, channels);
        all.put(CatalogEntity.CREATIVE, data.creatives(offers, channels));
        all.put(CatalogEntity.CUSTOMER, data.customers());
        all.put(CatalogEntity.TRACKER, List.of(data.tracker()));
        all.put(CatalogEntity.PRODUCT, data.products());
        all.put(CatalogEntity.MODEL, data.models());
        all.put(CatalogEntity.EXPERIMENT, List.of(data.experiment(), data.personalizationExperiment()));
        all.put(CatalogEntity.DECISION_FLOW, List.of(data.decisionFlow()));
        all.put(CatalogEntity.QUALIFICATION_RULE, data.qualificationRules());
        all.put(CatalogEntity.CONTACT_POLICY, data.contactPolicies());
        all.put(CatalogEntity.VOLUME_CAP, List.of(data.volumeCap()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        return store.inTransaction(Flux.fromIterable(all.entrySet())
                .concatMap(entry -> {
                    counts.put(entry.getKey().wireName(), entry.getValue().size());
                    return Flux.fromIterable(entry.getValue()).concatMap(item -> upsert(entry.getKey(), tenant, item));
                })
                .then(Mono.fromSupplier(() -> counts)));
    }

    private Mono<Object> upsert(CatalogEntity entity, TenantId tenant, Object item) {
        return store.upsert(EntityTypes.of(entity), tenant, item);
    }
}
