package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
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
    KeyValueStore<TenantKey, RecentRecommendationIds> ids;
    KeyValueStore<RecommendationKey, RecentRecommendation> recommendations;

    @BeforeEach
    void topologyKeepingTwoRecommendationsPerCustomer() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology(2), config);
        decisions = driver.createInputTopic(Topics.DECISIONS.name(), Topics.DECISIONS.keySerde().serializer(), Topics.DECISIONS.valueSerde().serializer());
        ids = driver.getKeyValueStore(RecentDecisionsFold.IDS_STORE);
        recommendations = driver.getKeyValueStore(IngestReadModelsTopology.RECENT_RECOMMENDATIONS_STORE);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void keepsTheNewestRecommendationsPerCustomerUpToTheLimitAndDeletesTheOthers() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(CUSTOMER, decision("rec-2"));
        decisions.pipeInput(CUSTOMER, decision("rec-3"));

        assertThat(ids.get(CUSTOMER).ids()).containsExactly("rec-3", "rec-2");
        assertThat(storedIds()).containsExactlyInAnyOrder("rec-3", "rec-2");
        assertThat(recommendations.get(key(CUSTOMER, "rec-1"))).isNull();
    }

    @Test
    void aReplayedRecommendationChangesNothing() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(CUSTOMER, decision("rec-2"));
        decisions.pipeInput(CUSTOMER, new DecisionRecord("rec-1", TENANT, "c-1", null, "flow", "email", null, null, false, null,
                List.of(), Instant.EPOCH));

        assertThat(ids.get(CUSTOMER).ids()).containsExactly("rec-2", "rec-1");
        assertThat(recommendations.get(key(CUSTOMER, "rec-1")).decisions()).isEqualTo(OFFERS);
    }

    @Test
    void customersAreKeptApart() {
        TenantKey other = new TenantKey(TENANT, "c-2");
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(other, new DecisionRecord("rec-9", TENANT, "c-2", null, "flow", "email", null, null, false, null,
                List.of(), Instant.EPOCH));

        assertThat(recommendations.get(key(CUSTOMER, "rec-9"))).isNull();
        assertThat(recommendations.get(key(other, "rec-9"))).isNotNull();
        assertThat(ids.get(CUSTOMER).ids()).containsExactly("rec-1");
    }

    @Test
    void aRecommendationIsStoredAsReturnedAndFoundByRank() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));

        RecentRecommendation stored = recommendations.get(key(CUSTOMER, "rec-1"));

        assertThat(stored).isEqualTo(new RecentRecommendation("rec-1", OFFERS, Instant.EPOCH));
        assertThat(stored.atRank(1)).contains(OFFERS.get(0));
        assertThat(stored.atRank(2)).isEmpty();
    }

    @Test
    void theChangelogsHoldTheBinaryLayoutsOneSmallRecordEachPerDecision() {
        decisions.pipeInput(CUSTOMER, decision("rec-1"));
        decisions.pipeInput(CUSTOMER, decision("rec-2"));
        decisions.pipeInput(CUSTOMER, decision("rec-3"));

        List<KeyValue<String, byte[]>> loggedIds = changelog(RecentDecisionsFold.IDS_STORE).readKeyValuesToList();
        List<byte[]> loggedRecommendations = changelog(RecentDecisionsFold.RECOMMENDATIONS_STORE).readValuesToList();

        assertThat(loggedIds).hasSize(3);
        assertThat(RecentDecisionsSerde.IDS.fromBytes(loggedIds.get(2).value)).isEqualTo(ids.get(CUSTOMER));
        // Three recommendations written, then rec-1 deleted when rec-3 pushed it out (the driver commits after every record).
        assertThat(loggedRecommendations).hasSize(4);
        assertThat(RecentDecisionsSerde.RECOMMENDATION.fromBytes(loggedRecommendations.get(0)))
                .isEqualTo(new RecentRecommendation("rec-1", OFFERS, Instant.EPOCH));
        assertThat(loggedRecommendations.get(0)[0]).isEqualTo(RecentDecisionsSerde.RECOMMENDATION.format());
        assertThat(loggedRecommendations).filteredOn(value -> value == null).hasSize(1);
    }

    @Test
    void everyProcessorAndStoreIsNamed() {
        assertThat(topology(20).describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    private List<String> storedIds() {
        List<String> stored = new ArrayList<>();
        try (var all = recommendations.all()) {
            all.forEachRemaining(entry -> stored.add(entry.key.recommendationId()));
        }
        return stored;
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic("ingest-test-" + store + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static RecommendationKey key(TenantKey customer, String recommendationId) {
        return new RecommendationKey(customer, recommendationId);
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
