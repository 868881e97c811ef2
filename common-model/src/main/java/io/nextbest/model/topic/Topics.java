package io.nextbest.model.topic;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of every topic in the platform (ARCHITECTURE.md, "Topics"). Partition counts here
 * are defaults; services may override them per deployment through configuration.
 */
public final class Topics {

    // Event topics get more partitions than tables: they carry the load and bound the feedback
    // topology's parallelism.
    private static final int EVENT_PARTITIONS = 6;
    private static final int TABLE_PARTITIONS = 3;
    private static final Duration EVENT_RETENTION = Duration.ofDays(7);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    public static final Topic<TenantKey, TrackerEvent> TRACKER_EVENTS = events("tracker-events", TrackerEvent.class);

    public static final Topic<TenantKey, Outcome> OUTCOMES = events("outcomes", Outcome.class);

    public static final Topic<TenantKey, DecisionRecord> DECISIONS = events("decisions", DecisionRecord.class);

    /**
     * The per-candidate audit trace of a configured share of recommendations, keyed like
     * {@link #DECISIONS}; written by decision-service for analysts, read by no service (hence no
     * dead-letter topic).
     */
    public static final Topic<TenantKey, DecisionTrace> DECISION_TRACES = events("decision-traces", DecisionTrace.class);

    // 30 days: balances live in a compacted changelog, the ledger only needs to outlive reprocessing.
    public static final Topic<TenantId, CreditLedgerEntry> CREDIT_LEDGER = new Topic<>(
            "credit-ledger", KeySerdes.tenantId(), new JsonSerde<>(CreditLedgerEntry.class),
            TABLE_PARTITIONS, CleanupPolicy.DELETE, Duration.ofDays(30));

    public static final Topic<TenantId, CreditBalance> CREDIT_BALANCES = new Topic<>(
            "credit-balances", KeySerdes.tenantId(), new JsonSerde<>(CreditBalance.class),
            TABLE_PARTITIONS, CleanupPolicy.COMPACT, null);

    // The aggregates of feedback-service, read by the serving services as GlobalKTables or stores.
    // Keys are tenant-scoped: the id part of each TenantKey is documented on the value record.

    /** Outcome counts per {@code tenant:<scope>:<id>}, see {@link io.nextbest.model.stats.StatsScope}. */
    public static final Topic<TenantKey, OfferStats> OFFER_STATS = aggregate("offer-stats", OfferStats.class);

    /** Recent contacts per {@code tenant:customerId}. */
    public static final Topic<TenantKey, ContactHistory> CUSTOMER_CONTACTS = aggregate("customer-contacts", ContactHistory.class);

    /** Decisions and attributed outcomes per {@code tenant:experimentKey|variant}. */
    public static final Topic<TenantKey, ExperimentStats> EXPERIMENT_STATS = aggregate("experiment-stats", ExperimentStats.class);

    /** Decayed popularity per {@code project:itemId}. */
    public static final Topic<TenantKey, ItemStats> ITEM_STATS = aggregate("item-stats", ItemStats.class);

    /** Co-occurring items per {@code project:itemId}. */
    public static final Topic<TenantKey, ItemNeighbours> ITEM_COOCCURRENCE = aggregate("item-cooccurrence", ItemNeighbours.class);

    /** Recent items per {@code project:userId}. */
    public static final Topic<TenantKey, UserRecentItems> USER_RECENT_ITEMS = aggregate("user-recent-items", UserRecentItems.class);

    /**
     * The one dead-letter topic of the feedback Streams app (Kafka Streams' built-in
     * {@code errors.dead.letter.queue.topic.name} takes a single topic); the source topic is in the
     * {@code __streams.errors.topic} header.
     */
    public static final Topic<byte[], byte[]> FEEDBACK_DEAD_LETTERS = new Topic<>("feedback.dlq", Serdes.ByteArray(), Serdes.ByteArray(),
            EVENT_PARTITIONS, CleanupPolicy.DELETE, DEAD_LETTER_RETENTION);

    private static final Map<CatalogEntity, Topic<TenantKey, CatalogChange>> CATALOG = catalogTopics();

    private Topics() {
    }

    public static Topic<TenantKey, CatalogChange> catalog(CatalogEntity entity) {
        return CATALOG.get(entity);
    }

    /** The dead-letter topic beside {@code source}: raw bytes, with the failure reason in headers. */
    public static Topic<byte[], byte[]> deadLetters(Topic<?, ?> source) {
        return new Topic<>(source.name() + ".dlq", Serdes.ByteArray(), Serdes.ByteArray(),
                source.partitions(), CleanupPolicy.DELETE, DEAD_LETTER_RETENTION);
    }

    /** Every topic of the registry, dead-letter topics of the event topics included. */
    public static List<Topic<?, ?>> all() {
        List<Topic<?, ?>> all = new ArrayList<>(List.of(TRACKER_EVENTS, OUTCOMES, DECISIONS, DECISION_TRACES, CREDIT_LEDGER,
                CREDIT_BALANCES));
        all.addAll(List.of(OFFER_STATS, CUSTOMER_CONTACTS, EXPERIMENT_STATS, ITEM_STATS, ITEM_COOCCURRENCE,
                USER_RECENT_ITEMS, FEEDBACK_DEAD_LETTERS));
        all.addAll(CATALOG.values());
        for (Topic<?, ?> source : List.of(TRACKER_EVENTS, OUTCOMES, DECISIONS, CREDIT_LEDGER)) {
            all.add(deadLetters(source));
        }
        return Collections.unmodifiableList(all);
    }

    private static <V> Topic<TenantKey, V> events(String name, Class<V> type) {
        return new Topic<>(name, KeySerdes.tenantKey(), new JsonSerde<>(type),
                EVENT_PARTITIONS, CleanupPolicy.DELETE, EVENT_RETENTION);
    }

    private static <V> Topic<TenantKey, V> aggregate(String name, Class<V> type) {
        return new Topic<>(name, KeySerdes.tenantKey(), new JsonSerde<>(type), TABLE_PARTITIONS, CleanupPolicy.COMPACT, null);
    }

    private static Map<CatalogEntity, Topic<TenantKey, CatalogChange>> catalogTopics() {
        Map<CatalogEntity, Topic<TenantKey, CatalogChange>> topics = new EnumMap<>(CatalogEntity.class);
        Arrays.stream(CatalogEntity.values()).forEach(entity -> topics.put(entity, new Topic<>(
                entity.topicName(), KeySerdes.tenantKey(), new JsonSerde<>(CatalogChange.class),
                TABLE_PARTITIONS, CleanupPolicy.COMPACT, null)));
        return Collections.unmodifiableMap(topics);
    }
}
