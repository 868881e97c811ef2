package io.nextbest.ingest.readmodel;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.streams.DecodedRecords;

/**
 * The {@link DecodedRecords} of every global store ingest reads per request, shared by the
 * topology that keeps them current ({@link IngestReadModelsTopology}) and the lookups that read
 * them ({@link IngestReadModels}). One instance per Streams app.
 */
public final class IngestRecordCaches {

    final DecodedRecords<TenantKey, CatalogChange, ApiKey> apiKeys = catalog(ApiKey.class);
    final DecodedRecords<TenantKey, CatalogChange, Tracker> trackers = catalog(Tracker.class);
    final DecodedRecords<TenantKey, CatalogChange, OutcomeType> outcomeTypes = catalog(OutcomeType.class);
    final DecodedRecords<TenantKey, CatalogChange, Creative> creatives = catalog(Creative.class);
    final DecodedRecords<TenantKey, CatalogChange, Offer> offers = catalog(Offer.class);
    final DecodedRecords<TenantId, CreditBalance, CreditBalance> creditBalances = new DecodedRecords<>(balance -> balance);

    private static <T> DecodedRecords<TenantKey, CatalogChange, T> catalog(Class<T> type) {
        return new DecodedRecords<>(change -> change.isTombstone() ? null : change.payloadAs(type));
    }
}
