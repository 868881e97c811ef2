package io.nextbest.feedback;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.OutcomeCounts;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The feedback Streams app: turns the behaviour topics (outcomes, decisions, tracker events, the
 * credit ledger) into the aggregates the serving services read — offer stats, customer contacts,
 * experiment stats, item models and credit balances. Built from small named steps; every
 * processor, store and repartition topic is named so the topology, its state directories and its
 * internal topics stay stable across releases. README.md, "Feedback topology", describes each.
 */
public class FeedbackTopology {

    public static final String OUTCOMES_DEDUPE_STORE = "outcomes-seen-ids-store";
    public static final String DECISIONS_DEDUPE_STORE = "decisions-seen-ids-store";
    public static final String TRACKER_EVENTS_DEDUPE_STORE = "tracker-events-seen-ids-store";
    public static final String CREDIT_LEDGER_DEDUPE_STORE = "credit-ledger-seen-ids-store";
    public static final String OFFER_STATS_STORE = "offer-stats-store";
    public static final String CUSTOMER_CONTACTS_STORE = "customer-contacts-store";
    public static final String CUSTOMER_DECISIONS_STORE = "customer-decisions-store";
    public static final String EXPERIMENT_STATS_STORE = "experiment-stats-store";
    public static final String ITEM_STATS_STORE = "item-stats-store";
    public static final String USER_RECENT_ITEMS_STORE = "user-recent-items-store";
    public static final String ITEM_COOCCURRENCE_STORE = "item-cooccurrence-store";
    public static final String CREDIT_BALANCES_STORE = "credit-balances-store";
    public static final String TENANTS_STORE = "feedback-tenants-store";

    private final FeedbackProperties settings;

    public FeedbackTopology(FeedbackProperties settings) {
        this.settings = settings;
    }

    /** The topics this topology reads or writes, for topic provisioning. */
    public static List<Topic<?, ?>> topics() {
        return List.of(Topics.catalog(CatalogEntity.TENANT), Topics.OUTCOMES, Topics.DECISIONS, Topics.TRACKER_EVENTS, Topics.CREDIT_LEDGER,
                Topics.OFFER_STATS, Topics.CUSTOMER_CONTACTS, Topics.EXPERIMENT_STATS, Topics.ITEM_STATS,
                Topics.ITEM_COOCCURRENCE, Topics.USER_RECENT_ITEMS, Topics.CREDIT_BALANCES, Topics.FEEDBACK_DEAD_LETTERS);
    }

    /**
     * Error handling of this app, configured once: a record that cannot be deserialized or
     * processed (no key, a tenant the catalog does not know, a key naming another tenant than its value, a missing timestamp) is
     * logged, written with the failure in {@code __streams.errors.*} headers to
     * {@code feedback.dlq} (KIP-1034) and skipped, and processing continues.
     */
    public static Map<String, String> errorHandling() {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName(),
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.FEEDBACK_DEAD_LETTERS.name());
    }

    public void buildTopology(StreamsBuilder builder) {
        registerTenants(builder);
        KStream<TenantKey, Outcome> outcomes = timeUntimedOutcomes(dedupe(builder, Topics.OUTCOMES, FeedbackInputs.outcomes(), TenantKey::tenant,
                OUTCOMES_DEDUPE_STORE, (customer, outcome) -> scopedId(customer.tenant(), outcome.tenantId(), outcome.interactionId().toString())));
        KStream<TenantKey, DecisionRecord> decisions = dedupe(builder, Topics.DECISIONS, FeedbackInputs.decisions(), TenantKey::tenant,
                DECISIONS_DEDUPE_STORE, (customer, decision) -> scopedId(customer.tenant(), decision.tenantId(), decision.recommendationId()));
        KStream<TenantKey, TrackerEvent> events = dedupe(builder, Topics.TRACKER_EVENTS, FeedbackInputs.trackerEvents(), TenantKey::tenant,
                TRACKER_EVENTS_DEDUPE_STORE, (user, event) -> scopedId(user.tenant(), event.projectId(), event.eventId()));
        KStream<TenantId, CreditLedgerEntry> ledger = dedupe(builder, Topics.CREDIT_LEDGER, FeedbackInputs.creditLedger(), project -> project,
                CREDIT_LEDGER_DEDUPE_STORE, (project, entry) -> scopedId(project, entry.projectId(), entry.entryId()));

        publish(aggregateOfferStats(outcomes), Topics.OFFER_STATS);
        publish(aggregateCustomerContacts(outcomes), Topics.CUSTOMER_CONTACTS);
        publish(aggregateExperimentStats(attributeToExperiments(builder, decisions, outcomes)), Topics.EXPERIMENT_STATS);
        publish(aggregateItemStats(events), Topics.ITEM_STATS);
        KStream<TenantKey, UserItemsUpdate> userItems = trackUserItems(events);
        userItems.mapValues(UserItemsUpdate::recent, Named.as(Topics.USER_RECENT_ITEMS.name() + "-changes"))
                .to(Topics.USER_RECENT_ITEMS.name(), Topics.USER_RECENT_ITEMS.produced());
        publish(aggregateItemCooccurrence(userItems), Topics.ITEM_COOCCURRENCE);
        publish(foldCreditBalances(ledger), Topics.CREDIT_BALANCES);
    }

    // Every instance needs every tenant to check each input record against the catalog. Only
    // presence matters, so values stay raw bytes: no JSON is parsed per lookup. The table is small
    // (one record per tenant) and asked once per input record, so it lives on the heap: in RocksDB,
    // sharing the bounded block cache with the large stores, its lookups read evicted index blocks
    // from disk (an eighth of the stream thread's wall clock, 2026-12-07). A global store is
    // rebuilt from its topic at every start either way.
    private static void registerTenants(StreamsBuilder builder) {
        Topic<TenantKey, CatalogChange> tenants = Topics.catalog(CatalogEntity.TENANT);
        builder.globalTable(tenants.name(), Consumed.with(tenants.keySerde(), Serdes.ByteArray()).withName("catalog-tenants-source"),
                Materialized.<TenantKey, byte[]>as(Stores.inMemoryKeyValueStore(TENANTS_STORE))
                        .withKeySerde(tenants.keySerde()).withValueSerde(Serdes.ByteArray()));
    }

    // Records of a tenant the catalog does not know (or no longer knows) are rejected, and so is a
    // key naming another tenant than its value (both to the dead-letter topic); producer retries
    // and repeated idempotency keys must count once, with tenant-scoped ids. The JSON inputs are
    // read with FeedbackInputs, which skips the fields no step reads.
    private <K, V> KStream<K, V> dedupe(StreamsBuilder builder, Topic<K, V> topic, Consumed<K, V> consumed, Function<K, TenantId> tenantOf,
                                        String store, BiFunction<K, V, String> scopedId) {
        return builder.stream(topic.name(), consumed)
                .processValues(new TenantCheck<>(TENANTS_STORE, tenantOf, settings.newTenantGrace()), Named.as("check-tenant-" + topic.name()))
                .processValues(new Deduplicator<>(store, settings.dedupeWindow(), scopedId), Named.as("dedupe-" + topic.name()));
    }

    // A respond without a timestamp reaches the topic with no time at all, so that a retried call
    // produces an identical record; the time ingest produced it (the Kafka record time) stands in.
    private KStream<TenantKey, Outcome> timeUntimedOutcomes(KStream<TenantKey, Outcome> outcomes) {
        return outcomes.processValues(() -> new ContextualFixedKeyProcessor<TenantKey, Outcome, Outcome>() {
            @Override
            public void process(FixedKeyRecord<TenantKey, Outcome> record) {
                Outcome outcome = record.value();
                boolean timed = outcome.timestamp() != null || outcome.receivedAt() != null;
                context().forward(timed ? record : record.withValue(outcome.withReceivedAt(Instant.ofEpochMilli(record.timestamp()))));
            }
        }, Named.as("time-untimed-outcomes"));
    }

    // Every outcome counts once in each scope it belongs to: offer, category, channel, offer ×
    // channel and the tenant's global scope; the re-keying repartitions by scope.
    private KTable<TenantKey, OfferStats> aggregateOfferStats(KStream<TenantKey, Outcome> outcomes) {
        int days = settings.offerStats().dailyBuckets();
        return outcomes
                .flatMap((customer, outcome) -> scopesOf(outcome), Named.as("outcome-to-stats-scopes"))
                .groupByKey(Grouped.<TenantKey, Contact>as("offer-stats-by-scope").withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.CONTACT))
                .aggregate(() -> OfferStats.EMPTY,
                        (scope, c, stats) -> stats.plus(c.outcome(), c.classification(), c.category(), c.timestamp(), days),
                        Named.as("aggregate-offer-stats"), materialized(OFFER_STATS_STORE, Topics.OFFER_STATS, FeedbackSerdes.OFFER_STATS));
    }

    // Outcomes are keyed by customer already, so the history needs no repartition.
    private KTable<TenantKey, ContactHistory> aggregateCustomerContacts(KStream<TenantKey, Outcome> outcomes) {
        FeedbackProperties.ContactSettings contacts = settings.contacts();
        return outcomes
                .mapValues(FeedbackTopology::contactOf, Named.as("outcome-to-contact"))
                .groupByKey(Grouped.<TenantKey, Contact>as("contacts-by-customer").withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.CONTACT))
                .aggregate(() -> ContactHistory.EMPTY,
                        (customer, c, history) -> history.plus(c, OutcomeCounts.isConversion(c.outcome()), contacts.maxContacts(), contacts.maxAge()),
                        Named.as("aggregate-customer-contacts"), materialized(CUSTOMER_CONTACTS_STORE, Topics.CUSTOMER_CONTACTS, FeedbackSerdes.CONTACT_HISTORY));
    }

    private KStream<TenantKey, ExperimentTally> attributeToExperiments(StreamsBuilder builder, KStream<TenantKey, DecisionRecord> decisions,
                                                                       KStream<TenantKey, Outcome> outcomes) {
        DecisionAttribution attribution = new DecisionAttribution(CUSTOMER_DECISIONS_STORE, settings.experiments());
        builder.addStateStore(attribution.store());
        KStream<TenantKey, ExperimentTally> served = decisions.process(attribution.rememberDecisions(),
                Named.as("remember-experiment-decisions"), CUSTOMER_DECISIONS_STORE);
        KStream<TenantKey, ExperimentTally> answered = outcomes.process(attribution.attributeOutcomes(),
                Named.as("attribute-outcomes-to-decisions"), CUSTOMER_DECISIONS_STORE);
        return served.merge(answered, Named.as("experiment-tallies"));
    }

    private KTable<TenantKey, ExperimentStats> aggregateExperimentStats(KStream<TenantKey, ExperimentTally> tallies) {
        return tallies
                .groupByKey(Grouped.<TenantKey, ExperimentTally>as("experiment-tallies-by-variant")
                        .withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.EXPERIMENT_TALLY))
                .aggregate(() -> ExperimentStats.EMPTY, (variant, t, stats) -> t.outcome() == null
                                ? stats.plusDecision(t.experimentKey(), t.variant(), t.controlGroup(), t.at())
                                : stats.plusOutcome(t.experimentKey(), t.variant(), t.controlGroup(),
                                t.outcome().outcome(), t.outcome().classification(), t.outcome().category(), t.at()),
                        Named.as("aggregate-experiment-stats"), materialized(EXPERIMENT_STATS_STORE, Topics.EXPERIMENT_STATS, FeedbackSerdes.EXPERIMENT_STATS));
    }

    private KTable<TenantKey, ItemStats> aggregateItemStats(KStream<TenantKey, TrackerEvent> events) {
        FeedbackProperties.ItemSettings items = settings.items();
        return events
                .flatMap((user, event) -> itemTouchesOf(event), Named.as("tracker-event-to-item-touches"))
                .groupByKey(Grouped.<TenantKey, RecentItem>as("item-touches-by-item")
                        .withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.RECENT_ITEM))
                .aggregate(() -> ItemStats.EMPTY,
                        (item, touch, stats) -> stats.plus(touch.eventType(), items.weight(touch.eventType()), touch.timestamp(), items.halfLife()),
                        Named.as("aggregate-item-stats"), materialized(ITEM_STATS_STORE, Topics.ITEM_STATS, FeedbackSerdes.ITEM_STATS));
    }

    // Events are keyed by anonymous user; the item models learn per user (the logged-in id when
    // known), so they are re-keyed and repartitioned first — only events with items (the others
    // change nothing there), and only the part of the event the step reads.
    private KStream<TenantKey, UserItemsUpdate> trackUserItems(KStream<TenantKey, TrackerEvent> events) {
        return events
                .filter((anon, event) -> !event.items().isEmpty(), Named.as("tracker-events-with-items"))
                .map((anon, event) -> KeyValue.pair(new TenantKey(event.projectId(), event.userId()), UserItemTouch.of(event)),
                        Named.as("key-tracker-events-by-user"))
                .repartition(Repartitioned.<TenantKey, UserItemTouch>as("tracker-events-by-user")
                        .withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.USER_ITEM_TOUCH))
                .processValues(new UserItemsTracker(USER_RECENT_ITEMS_STORE, settings.items()), Named.as("track-user-items"));
    }

    private KTable<TenantKey, ItemNeighbours> aggregateItemCooccurrence(KStream<TenantKey, UserItemsUpdate> userItems) {
        int capacity = settings.items().neighbours();
        return userItems
                .flatMap((user, update) -> update.pairs().stream()
                        .map(pairs -> KeyValue.pair(new TenantKey(user.tenant(), pairs.itemId()), pairs)).toList(),
                        Named.as("user-items-to-item-pairs"))
                .groupByKey(Grouped.<TenantKey, UserItemsUpdate.ItemPairs>as("item-pairs-by-item")
                        .withKeySerde(KeySerdes.tenantKey()).withValueSerde(FeedbackSerdes.ITEM_PAIRS))
                .aggregate(() -> ItemNeighbours.EMPTY,
                        (item, pairs, neighbours) -> neighbours.plusAll(pairs.neighbourIds(), pairs.weight(), capacity),
                        Named.as("aggregate-item-cooccurrence"), materialized(ITEM_COOCCURRENCE_STORE, Topics.ITEM_COOCCURRENCE, FeedbackSerdes.ITEM_NEIGHBOURS));
    }

    // Top-ups and charges of one project fold into one balance; the ledger is keyed by project,
    // so no repartition is needed.
    private KTable<TenantId, CreditBalance> foldCreditBalances(KStream<TenantId, CreditLedgerEntry> ledger) {
        return ledger
                .groupByKey(Grouped.<TenantId, CreditLedgerEntry>as("credit-ledger-by-project")
                        .withKeySerde(Topics.CREDIT_LEDGER.keySerde())
                        .withValueSerde(Topics.CREDIT_LEDGER.valueSerde()))
                .aggregate(() -> CreditBalance.EMPTY,
                        (project, entry, balance) -> balance.apply(entry),
                        Named.as("fold-credit-balance"), materialized(CREDIT_BALANCES_STORE, Topics.CREDIT_BALANCES, FeedbackSerdes.CREDIT_BALANCE));
    }

    private <K, V> void publish(KTable<K, V> table, Topic<K, V> topic) {
        table.toStream(Named.as(topic.name() + "-changes")).to(topic.name(), topic.produced());
    }

    // Stores (and their changelogs) hold the binary layout: only this app reads them, and every
    // update reads and rewrites the value. The published topic keeps its JSON (publish above).
    private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized(String store, Topic<K, V> topic, Serde<V> values) {
        return Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(topic.keySerde()).withValueSerde(values);
    }

    private static List<KeyValue<TenantKey, Contact>> scopesOf(Outcome outcome) {
        Contact contact = contactOf(outcome);
        TenantId tenant = outcome.tenantId();
        List<KeyValue<TenantKey, Contact>> scopes = new ArrayList<>(5);
        scopes.add(KeyValue.pair(StatsScope.GLOBAL.key(tenant, StatsScope.GLOBAL_ID), contact));
        if (outcome.offerId() != null) {
            scopes.add(KeyValue.pair(StatsScope.OFFER.key(tenant, outcome.offerId()), contact));
        }
        if (outcome.categoryId() != null) {
            scopes.add(KeyValue.pair(StatsScope.CATEGORY.key(tenant, outcome.categoryId()), contact));
        }
        if (outcome.channelId() != null) {
            scopes.add(KeyValue.pair(StatsScope.CHANNEL.key(tenant, outcome.channelId()), contact));
        }
        if (outcome.offerId() != null && outcome.channelId() != null) {
            scopes.add(KeyValue.pair(StatsScope.OFFER_CHANNEL.key(tenant,
                    StatsScope.offerChannelId(outcome.offerId(), outcome.channelId())), contact));
        }
        return scopes;
    }

    private static List<KeyValue<TenantKey, RecentItem>> itemTouchesOf(TrackerEvent event) {
        Instant at = eventTime(event);
        return event.items().stream().map(EventItem::itemId).distinct()
                .map(itemId -> KeyValue.pair(new TenantKey(event.projectId(), itemId),
                        new RecentItem(itemId, event.eventType().wireName(), at)))
                .toList();
    }

    /** The outcome as a contact, timed by when it happened (or, if the caller gave no time, when it was received). */
    static Contact contactOf(Outcome outcome) {
        Instant at = outcome.timestamp() != null ? outcome.timestamp() : outcome.receivedAt();
        if (at == null) {
            throw new IllegalArgumentException("outcome " + outcome.interactionId() + " has neither timestamp nor receivedAt");
        }
        return new Contact(outcome.offerId(), outcome.channelId(), outcome.outcome(), outcome.classification(), outcome.category(), at,
                outcome.creativeId());
    }

    static Instant eventTime(TrackerEvent event) {
        Instant at = event.timestamp() != null ? event.timestamp() : event.receivedAt();
        if (at == null) {
            throw new IllegalArgumentException("tracker event " + event.eventId() + " has neither timestamp nor received_at");
        }
        return at;
    }

    private static String scopedId(TenantId keyTenant, TenantId valueTenant, String id) {
        if (!keyTenant.equals(valueTenant)) {
            throw new IllegalArgumentException("key tenant '" + keyTenant + "' does not match the record's tenant '" + valueTenant + "'");
        }
        return keyTenant.value() + ':' + id;
    }
}
