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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Adapts the feedback-service statistics held in decision's read models to the core's inputs:
 * {@code offer-stats} becomes an {@link EvidenceSource} (positive and negative outcome totals at
 * offer, category and tenant level; neutral outcomes such as impressions are not evidence) and
 * the customer's {@code customer-contacts} entry (looked up by the caller, since it may live on
 * another instance) becomes the core's {@link ContactHistory}, each contact's category filled in
 * from the catalog because the feedback record does not carry it. Volume caps count the
 * impressions of their scope's {@code offer-stats} daily buckets in the current UTC calendar
 * period ({@link #volumeCounts}). With {@link OfferStatsSnapshots} each record is decoded once per
 * update instead of once per lookup.
 */
public final class StatisticsLoader {

    private final Supplier<ReadOnlyKeyValueStore<TenantKey, OfferStats>> offerStats;
    private final OfferStatsSnapshots snapshots;

    /** Reads (and decodes) the store on every lookup (no snapshots). */
    public StatisticsLoader(Supplier<ReadOnlyKeyValueStore<TenantKey, OfferStats>> offerStats) {
        this(offerStats, null);
    }

    /** Looks up the decoded records in {@code snapshots}, which the read-model topology keeps equal to the store. */
    public StatisticsLoader(Supplier<ReadOnlyKeyValueStore<TenantKey, OfferStats>> offerStats, OfferStatsSnapshots snapshots) {
        this.offerStats = offerStats;
        this.snapshots = snapshots;
    }

    /**
     * Each tenant's offer → category map for the offers list it was built from: the list is
     * {@code CatalogSnapshots}' own, the same instance until an offer changes, so the map is rebuilt
     * only then instead of for every recommend with a contact history. One per tenant on the heap.
     */
    private record CategoryIndex(List<Offer> offers, Map<String, String> categoryOf) {
    }

    private static final ConcurrentHashMap<TenantId, CategoryIndex> CATEGORIES = new ConcurrentHashMap<>();

    /** Everything learned about a customer with the stored {@code contacts} and about the tenant's offers, as of {@code now}. */
    public CustomerStatistics statistics(TenantId tenant, io.nextbest.model.stats.ContactHistory contacts, List<Offer> offers,
                                         Instant now) {
        return new CustomerStatistics(history(contacts, () -> categoryOf(tenant, offers)), evidence(tenant),
                volumeCounts(tenant, now));
    }

    private static Map<String, String> categoryOf(TenantId tenant, List<Offer> offers) {
        CategoryIndex known = CATEGORIES.get(tenant);
        if (known != null && known.offers() == offers) {
            return known.categoryOf();
        }
        CategoryIndex built = new CategoryIndex(offers, categoryOf(offers));
        CATEGORIES.put(tenant, built);
        return built.categoryOf();
    }

    private static Map<String, String> categoryOf(List<Offer> offers) {
        Map<String, String> categoryOf = new HashMap<>();
        offers.forEach(o -> categoryOf.put(o.id(), o.categoryId()));
        // Never modified after this; the record's final field publishes it safely.
        return categoryOf;
    }

    /**
     * A volume cap's impressions in its current UTC calendar period — the day of {@code now}, its
     * ISO week (from Monday) or its month — summed from the scope's daily buckets, so a cap resets
     * at the start of each period rather than rolling. {@code offer-stats} keeps 30 daily buckets,
     * enough for any month to date. A period other than daily/weekly/monthly counts the running
     * total (a lifetime cap); a scope other than offer/category/channel, or no scope id, counts 0.
     */
    public VolumeCounts volumeCounts(TenantId tenant, Instant now) {
        ScopedReader store = reader(tenant);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return cap -> {
            StatsScope scope = volumeScope(cap.scope());
            if (scope == null || cap.scopeId() == null) {
                return 0;
            }
            OfferStats stats = store.get(scope, cap.scopeId());
            if (stats == null) {
                return 0;
            }
            LocalDate from = periodStart(cap.period(), today);
            if (from == null) {
                return stats.total() == null ? 0 : stats.total().impressions();
            }
            return stats.daily().entrySet().stream()
                    .filter(day -> !day.getKey().isBefore(from) && !day.getKey().isAfter(today))
                    .mapToLong(day -> day.getValue().impressions())
                    .sum();
        };
    }

    private static StatsScope volumeScope(String scope) {
        if (scope == null) {
            return null;
        }
        switch (scope) {
            case "offer":
                return StatsScope.OFFER;
            case "category":
                return StatsScope.CATEGORY;
            case "channel":
                return StatsScope.CHANNEL;
            default:
                return null;
        }
    }

    private static LocalDate periodStart(String period, LocalDate today) {
        if (period == null) {
            return null;
        }
        switch (period) {
            case "daily":
                return today;
            case "weekly":
                return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "monthly":
                return today.withDayOfMonth(1);
            default:
                return null;
        }
    }

    /** The tenant's evidence; every lookup reads the store (or its snapshot), so a newer record is seen by the next call. */
    public EvidenceSource evidence(TenantId tenant) {
        ScopedReader store = reader(tenant);
        return new EvidenceSource() {
            @Override
            public OfferEvidence offer(String offerId) {
                return of(store.get(StatsScope.OFFER, offerId));
            }

            @Override
            public OfferEvidence category(String categoryId) {
                return categoryId == null ? OfferEvidence.NONE : of(store.get(StatsScope.CATEGORY, categoryId));
            }

            @Override
            public OfferEvidence global() {
                return of(store.get(StatsScope.GLOBAL, StatsScope.GLOBAL_ID));
            }
        };
    }

    /**
     * One record by key: from the snapshots when there are any, else from the store. The store is
     * looked up first either way, so a read model that is not running still answers "not ready" (503).
     */
    private ScopedReader reader(TenantId tenant) {
        ReadOnlyKeyValueStore<TenantKey, OfferStats> store = offerStats.get();
        return snapshots == null ? (scope, id) -> store.get(scope.key(tenant, id)) : (scope, id) -> snapshots.get(tenant, scope, id, store);
    }

    /** One tenant's {@code offer-stats} record of a scope and id. */
    private interface ScopedReader {
        OfferStats get(StatsScope scope, String id);
    }

    /** The core's view of a stored contact history; {@code null} is a customer without contacts. */
    public static ContactHistory history(io.nextbest.model.stats.ContactHistory stored, List<Offer> offers) {
        return history(stored, () -> categoryOf(offers));
    }

    private static ContactHistory history(io.nextbest.model.stats.ContactHistory stored, Supplier<Map<String, String>> categories) {
        if (stored == null || stored.contacts().isEmpty()) {
            return ContactHistory.EMPTY;
        }
        Map<String, String> categoryOf = categories.get();
        return new ContactHistory(stored.contacts().stream()
                .filter(c -> c.timestamp() != null)
                .map(c -> event(c, categoryOf))
                .toList());
    }

    private static ContactEvent event(Contact contact, Map<String, String> categoryOf) {
        // Contacts recorded before the history kept creative ids have none: creative-scoped caps do not count them.
        return new ContactEvent(contact.timestamp(), contact.offerId(),
                contact.offerId() == null ? null : categoryOf.get(contact.offerId()),
                contact.channelId(), contact.creativeId(), contact.outcome());
    }

    private static OfferEvidence of(OfferStats stats) {
        return stats == null || stats.total() == null ? OfferEvidence.NONE
                : new OfferEvidence(stats.total().positives(), stats.total().negatives());
    }
}
