package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestReadModelsTopologyTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final TenantKey CUSTOMER = new TenantKey(TENANT, "c-1");
    private static final List<RankedOffer> OFFERS = List.of(new RankedOffer(1, "offer-1", "Offer", "cat", "cr-1", "ch-1", null, 0.9, false));

    TopologyTestDriver driver;
    TestInputTopic<TenantKey, DecisionRecord> decisions;
    KeyValueStore<TenantKey, RecentDecisions> store;

    @BeforeEach
    void topologyKeepingTwoRecommendationsPerCustomer() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology(2), config);
        decisions = driver.createInputTopic(Topics.DECISIONS.name(), Topics.DECISIONS.keySerde().serializer(), Topics.DECISIONS.valueSerde().serializer());
        store = driver.getKeyValueStore(IngestReadModelsTopology.RECENT_DECISIONS_STORE);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void keepsTheNewestRecommendationsPerCustomerUpToTheLimit() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(CUSTOMER, decision("rec-2"));
        decisions.pipeInput(CUSTOMER, decision("rec-3"));

        assertThat(store.get(CUSTOMER).recommendations()).extracting(RecentDecisions.Recommendation::recommendationId)
                .containsExactly("rec-3", "rec-2");
    }

    @Test
    void aReplayedRecommendationChangesNothing() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(CUSTOMER, decision("rec-2"));
        decisions.pipeInput(CUSTOMER, decision("rec-1"));

        assertThat(store.get(CUSTOMER).recommendations()).extracting(RecentDecisions.Recommendation::recommendationId)
                .containsExactly("rec-2", "rec-1");
    }

    @Test
    void customersAreKeptApart() {
        TenantKey other = new TenantKey(TENANT, "c-2");
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(other, new DecisionRecord("rec-9", TENANT, "c-2", null, "flow", "email", null, null, false, null,
                List.of(), Instant.EPOCH));

        assertThat(store.get(CUSTOMER).find("rec-9")).isEmpty();
        assertThat(store.get(other).find("rec-9")).isPresent();
    }

    @Test
    void theStoreAndItsChangelogHoldTheBinaryLayout() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                "ingest-test-" + IngestReadModelsTopology.RECENT_DECISIONS_STORE + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer());

        byte[] logged = changelog.readValue();

        assertThat(logged[0]).isEqualTo((byte) RecentDecisionsSerde.FORMAT);
        assertThat(RecentDecisionsSerde.RECENT_DECISIONS.fromBytes(logged)).isEqualTo(store.get(CUSTOMER));
        assertThat(store.get(CUSTOMER).find("rec-1")).hasValueSatisfying(r -> assertThat(r.decisions()).isEqualTo(OFFERS));
    }

    @Test
    void everyProcessorAndStoreIsNamed() {
        assertThat(topology(20).describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    private static Topology topology(int perCustomer) {
        StreamsBuilder builder = new StreamsBuilder();
        new IngestReadModelsTopology(perCustomer).buildTopology(builder);
        return builder.build();
    }

    private static DecisionRecord decision(String recommendationId) {
        return new DecisionRecord(recommendationId, TENANT, "c-1", null, "flow", "email", null, null, false, null,
                OFFERS, Instant.EPOCH);
    }
}
