package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.T0;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A deterministic mixed input for one fresh tenant — outcomes, decisions, tracker events and
 * ledger entries, every seventh record sent twice as a producer retry would — and the aggregates
 * that input must produce when each distinct record counts exactly once.
 */
final class Workload {

    private static final String[] OUTCOMES = {"impression", "click", "dismiss", "accept", "convert"};

    final TenantId tenant;
    final List<ProducerRecord<?, ?>> records = new ArrayList<>();
    final Map<TenantKey, Long> expectedOfferTotals = new HashMap<>();
    final Map<TenantKey, Long> expectedItemViews = new HashMap<>();
    final Map<TenantKey, Long> expectedVariantDecisions = new HashMap<>();
    long expectedBalance;
    int distinct;

    private final int customers;
    private final int items;
    private final int sessionItems;
    private final int trackerUsers;

    private final Instant start;
    private final Duration spacing;

    Workload(TenantId tenant, int size) {
        this(tenant, size, 50, 20, T0);
    }

    Workload(TenantId tenant, int size, int customers, int items, Instant start) {
        this(tenant, size, customers, items, start, Duration.ofSeconds(1));
    }

    /**
     * {@code customers} and {@code items} set the key space, so state size can be measured at a
     * realistic spread; record {@code i} happens {@code i} × {@code spacing} after {@code start},
     * which must leave the last one in the past (brokers reject timestamps more than an hour ahead).
     */
    Workload(TenantId tenant, int size, int customers, int items, Instant start, Duration spacing) {
        this(tenant, size, customers, items, start, spacing, 1);
    }

    /**
     * With {@code sessionItems} above 1 the tracker events are browsing sessions: a user's
     * {@code sessionItems} consecutive events view distinct items, a few seconds apart (every fourth
     * record), so each event pairs its item with the session's earlier ones in the item models, as
     * real browsing does. Each tracker user comes back for five sessions, hours apart in record time,
     * so the users' recent-item lists fill up. With 1, a tracker event's user and item both follow
     * the record number, so a user touches about {@code items / customers} distinct items and hardly
     * any pairs arise.
     */
    Workload(TenantId tenant, int size, int customers, int items, Instant start, Duration spacing, int sessionItems) {
        this.tenant = tenant;
        this.start = start;
        this.spacing = spacing;
        this.customers = customers;
        this.items = items;
        this.sessionItems = sessionItems;
        this.trackerUsers = Math.max(1, Math.min(customers, size / 4 / (sessionItems * 5)));
        for (int i = 0; i < size; i++) {
            switch (i % 4) {
                case 0 -> outcome(i);
                case 1 -> decision(i);
                case 2 -> trackerEvent(i);
                default -> ledgerEntry(i);
            }
        }
    }

    /** The tenant's record on {@code catalog.tenants}, to be produced before its first event. */
    List<ProducerRecord<?, ?>> tenantCreated() {
        CatalogChange created = FeedbackFixtures.tenantRecord(tenant, 1);
        return List.of(new ProducerRecord<>(Topics.catalog(CatalogEntity.TENANT).name(), created.key(), created));
    }

    List<ProducerRecord<?, ?>> firstHalf() {
        return records.subList(0, records.size() / 2);
    }

    List<ProducerRecord<?, ?>> secondHalf() {
        return records.subList(records.size() / 2, records.size());
    }

    TenantKey globalScope() {
        return StatsScope.GLOBAL.key(tenant, StatsScope.GLOBAL_ID);
    }

    private void outcome(int i) {
        String offer = "o-" + (i % 5);
        Outcome outcome = FeedbackFixtures.outcome(tenant, "c-" + (i % customers), "key-" + i, offer, OUTCOMES[(i / 4) % 5], at(i));
        expectedOfferTotals.merge(StatsScope.OFFER.key(tenant, offer), 1L, Long::sum);
        expectedOfferTotals.merge(globalScope(), 1L, Long::sum);
        send(Topics.OUTCOMES, outcome.key(), outcome, i, outcome.timestamp().toEpochMilli());
    }

    private void decision(int i) {
        String variant = (i / 4) % 3 == 0 ? "control" : "treatment";
        DecisionRecord decision = new DecisionRecord("rec-" + i, tenant, "c-" + (i % customers), null, "flow", "web", "home",
                new io.nextbest.model.event.ExperimentAssignment("exp", variant, variant.equals("control")),
                false, null, List.of(), at(i));
        expectedVariantDecisions.merge(io.nextbest.model.stats.ExperimentStats.key(tenant, "exp", variant), 1L, Long::sum);
        send(Topics.DECISIONS, decision.key(), decision, i, decision.timestamp().toEpochMilli());
    }

    private void trackerEvent(int i) {
        String item = "sku-" + (sessionItems > 1 ? sessionItem(i / 4) : i % items);
        String user = "anon-" + (sessionItems > 1 ? (i / 4 / sessionItems) % trackerUsers : i % customers);
        TrackerEvent event = new TrackerEvent("ev-" + i, tenant, "tracker-1", null, Platform.WEB, user, null, "s-1",
                TrackerEventType.VIEW_ITEM, List.of(new EventItem(item, null, 1, null)), at(i), at(i),
                null, null, null, null, Map.of());
        expectedItemViews.merge(new TenantKey(tenant, item), 1L, Long::sum);
        send(Topics.TRACKER_EVENTS, event.key(), event, i, event.timestamp().toEpochMilli());
    }

    // Session s walks the catalog from its own start in its own prime stride, so the sessions together
    // pair each item with many others and the neighbour lists fill up to their bound as in a real
    // catalog. A session's items are distinct while the catalog has at least sessionItems items and
    // no stride among its prime factors (the benchmark's catalogs are made of 2s and 5s).
    private static final int[] STRIDES = {7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67};

    private int sessionItem(int trackerEvent) {
        int session = trackerEvent / sessionItems;
        int position = trackerEvent % sessionItems;
        long first = (long) session * 7919 % items;
        return (int) ((first + (long) position * STRIDES[session % STRIDES.length]) % items);
    }

    private void ledgerEntry(int i) {
        CreditLedgerEntry entry = (i / 4) % 2 == 0
                ? FeedbackFixtures.topUp("t-" + i, tenant, 10, at(i))
                : FeedbackFixtures.charge("c-" + i, tenant, 3, at(i));
        expectedBalance += entry instanceof CreditLedgerEntry.TopUp ? 10 : -3;
        send(Topics.CREDIT_LEDGER, tenant, entry, i, entry.timestamp().toEpochMilli());
    }

    /** When record {@code i} happens. */
    Instant at(int i) {
        return start.plus(spacing.multipliedBy(i));
    }

    private <K, V> void send(Topic<K, V> topic, K key, V value, int i, long timestamp) {
        distinct++;
        ProducerRecord<K, V> record = new ProducerRecord<>(topic.name(), null, timestamp, key, value);
        records.add(record);
        if (i % 7 == 0) {
            records.add(record);
        }
    }

    CreditBalance balanceOf(Map<TenantId, CreditBalance> balances) {
        return balances.get(tenant);
    }
}
