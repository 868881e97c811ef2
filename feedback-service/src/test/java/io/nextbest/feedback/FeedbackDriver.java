package io.nextbest.feedback;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The feedback topology in a {@link TopologyTestDriver}, with typed input topics and helpers that
 * pipe each record at its own event time (as ingest's producer stamps it) and read stores and the
 * latest value per key of an output topic.
 */
final class FeedbackDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<TenantKey, Outcome> outcomes;
    final TestInputTopic<TenantKey, DecisionRecord> decisions;
    final TestInputTopic<TenantKey, TrackerEvent> events;
    final TestInputTopic<TenantId, CreditLedgerEntry> ledger;
    final TestInputTopic<TenantKey, CatalogChange> tenants;
    private long catalogSequence;

    /** The topology with the fixture settings and {@code knownTenants} in its catalog. */
    FeedbackDriver(TenantId... knownTenants) {
        this(FeedbackFixtures.settings(), knownTenants);
    }

    private static String stateDir() {
        try {
            return java.nio.file.Files.createTempDirectory("feedback-driver").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    FeedbackDriver(FeedbackProperties settings, TenantId... knownTenants) {
        StreamsBuilder builder = new StreamsBuilder();
        new FeedbackTopology(settings).buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Its own state directory: under the default /tmp/kafka-streams/feedback-test, test runs of
        // other checkouts on the same machine held the global store's RocksDB lock.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        config.putAll(FeedbackTopology.errorHandling());
        driver = new TopologyTestDriver(builder.build(), config);
        outcomes = input(Topics.OUTCOMES);
        decisions = input(Topics.DECISIONS);
        events = input(Topics.TRACKER_EVENTS);
        ledger = input(Topics.CREDIT_LEDGER);
        tenants = input(Topics.catalog(CatalogEntity.TENANT));
        for (TenantId tenant : knownTenants) {
            createTenant(tenant);
        }
    }

    /** Publishes the tenant on {@code catalog.tenants}, as catalog-service's outbox relay does. */
    void createTenant(TenantId tenant) {
        CatalogChange change = FeedbackFixtures.tenantRecord(tenant, ++catalogSequence);
        tenants.pipeInput(change.key(), change, FeedbackFixtures.T0);
    }

    /** The tombstone catalog-service publishes when the tenant is deleted. */
    void deleteTenant(TenantId tenant) {
        tenants.pipeInput(new TenantKey(tenant, tenant.value()), null, FeedbackFixtures.T0);
    }

    void pipe(Outcome outcome) {
        outcomes.pipeInput(outcome.key(), outcome, outcome.timestamp());
    }

    void pipe(DecisionRecord decision) {
        decisions.pipeInput(decision.key(), decision, decision.timestamp());
    }

    void pipe(TrackerEvent event) {
        events.pipeInput(event.key(), event, event.timestamp());
    }

    void pipe(CreditLedgerEntry entry) {
        ledger.pipeInput(entry.projectId(), entry, entry.timestamp());
    }

    void pipeAt(Outcome outcome, Instant recordTime) {
        outcomes.pipeInput(outcome.key(), outcome, recordTime);
    }

    <K, V> V stored(String store, K key) {
        KeyValueStore<K, V> kv = driver.getKeyValueStore(store);
        return kv.get(key);
    }

    <K, V> Map<K, V> latest(Topic<K, V> topic) {
        return output(topic).readKeyValuesToMap();
    }

    <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
