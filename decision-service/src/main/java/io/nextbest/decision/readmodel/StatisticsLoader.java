package io.nextbest.decision.readmodel;

import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.decision.contact.VolumeCounts;
import io.nextbest.decision.pipeline.CustomerStatistics;
import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Adapts the feedback-service statistics held in decision's read models to the core's inputs:
 * {@code offer-stats} becomes an {@link EvidenceSource} (positive and negative outcome totals at
 * offer, category and tenant level; neutral outcomes such as impressions are not evidence) and
 * the customer's {@code customer-contacts} entry (looked up by the caller, since it may live on
 * another instance) becomes the core's {@link ContactHistory}, each contact's category filled in
 * from the catalog because the feedback record does not carry it. Volume-cap counts are not
 * produced by feedback-service yet, so they read as zero.
 */
public final class StatisticsLoader {

    private final Supplier<ReadOnlyKeyValueStore<TenantKey, OfferStats>> offerStats;

    public StatisticsLoader(Supplier<ReadOnlyKeyValueStore<TenantKey, OfferStats>> offerStats) {
        this.offerStats = offerStats;
    }

    /** Everything learned about a customer with the stored {@code contacts} and about the tenant's offers, as of now. */
    public CustomerStatistics statistics(TenantId tenant, io.nextbest.model.stats.ContactHistory contacts, List<Offer> offers) {
        return new CustomerStatistics(history(contacts, offers), evidence(tenant), VolumeCounts.NONE);
    }

    /** The tenant's evidence; every lookup reads the store, so a newer record is seen by the next call. */
    public EvidenceSource evidence(TenantId tenant) {
        ReadOnlyKeyValueStore<TenantKey, OfferStats> store = offerStats.get();
        return new EvidenceSource() {
            @Override
            public OfferEvidence offer(String offerId) {
                return of(store.get(StatsScope.OFFER.key(tenant, offerId)));
            }

            @Override
            public OfferEvidence category(String categoryId) {
                return categoryId == null ? OfferEvidence.NONE : of(store.get(StatsScope.CATEGORY.key(tenant, categoryId)));
            }

            @Override
            public OfferEvidence global() {
                return of(store.get(StatsScope.GLOBAL.key(tenant, StatsScope.GLOBAL_ID)));
            }
        };
    }

    /** The core's view of a stored contact history; {@code null} is a customer without contacts. */
    public static ContactHistory history(io.nextbest.model.stats.ContactHistory stored, List<Offer> offers) {
        if (stored == null || stored.contacts().isEmpty()) {
            return ContactHistory.EMPTY;
        }
        Map<String, String> categoryOf = new HashMap<>();
        offers.forEach(o -> categoryOf.put(o.id(), o.categoryId()));
        return new ContactHistory(stored.contacts().stream()
                .filter(c -> c.timestamp() != null)
                .map(c -> event(c, categoryOf))
                .toList());
    }

    private static ContactEvent event(Contact contact, Map<String, String> categoryOf) {
        // The feedback record keeps no creative id: creative-scoped policies count nothing yet.
        return new ContactEvent(contact.timestamp(), contact.offerId(),
                contact.offerId() == null ? null : categoryOf.get(contact.offerId()),
                contact.channelId(), null, contact.outcome());
    }

    private static OfferEvidence of(OfferStats stats) {
        return stats == null || stats.total() == null ? OfferEvidence.NONE
                : new OfferEvidence(stats.total().positives(), stats.total().negatives());
    }
}
