package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.model.event.Outcome;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.ServiceProbes;
import io.nextbest.testsupport.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service as deployed: Spring-wired Streams app, its topics, and the tenant check through the
 * real broker. The context is closed after the class: its Streams app would otherwise keep
 * consuming the shared input topics and publish into the aggregate topics that ExactlyOnceIT,
 * in the same JVM, reads.
 */
@KafkaIntegrationTest
@DirtiesContext
class FeedbackServiceIT {

    @Autowired
    WebTestClient web;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @BeforeEach
    void ready() {
        ServiceProbes.awaitReadiness(web);
    }

    @Test
    void becomesReadyOnceItsTopologyRunsAndExportsMetrics() throws Exception {
        ServiceProbes.assertServesProbesMetricsAndTopics(web, "feedback-service", Set.of("feedback"),
                Set.of("catalog.tenants", "credit-ledger", "credit-balances", "offer-stats", "customer-contacts", "experiment-stats",
                        "item-stats", "item-cooccurrence", "user-recent-items", "feedback.dlq"));
    }

    @Test
    void commitsAndPollsAtItsOwnVisibilitySettingsNotTheSharedCommitInterval() {
        var config = streams.getStreamsConfiguration();
        assertThat(config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30L);
        assertThat(config.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(10L);
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void anOutcomeOfATenantTheCatalogDoesNotKnowIsDeadLetteredWithTheReason() {
        TenantId ghost = freshTenant("ghost");
        Outcome click = FeedbackFixtures.outcome(ghost, "alice", "k1", "o-1", "click", T0);

        // Written (record time) long past the new-tenant grace, so no catalog record can be on its way.
        BrokerIo.produce(SharedKafka.bootstrapServers(),
                List.of(new ProducerRecord<>(Topics.OUTCOMES.name(), null, T0.toEpochMilli(), click.key(), click)));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> dead = BrokerIo.deadLetters(SharedKafka.bootstrapServers(), ghost + ":");
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), "__streams.errors.message")).isEqualTo("unknown tenant " + ghost);
            assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("outcomes");
        });
        assertThat(globalStats(ghost)).isNull();
    }

    @Test
    void anOutcomeOfATenantTheCatalogPublishedIsCounted() {
        TenantId known = freshTenant("known");
        Outcome click = FeedbackFixtures.outcome(known, "alice", "k1", "o-1", "click", T0);

        BrokerIo.produce(SharedKafka.bootstrapServers(), new Workload(known, 0).tenantCreated());
        await().atMost(Duration.ofMinutes(1)).until(() -> tenantKnown(known));
        BrokerIo.produce(SharedKafka.bootstrapServers(), List.of(new ProducerRecord<>(Topics.OUTCOMES.name(), click.key(), click)));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(globalStats(known)).isNotNull());
        assertThat(globalStats(known).total().clicks()).isEqualTo(1);
        assertThat(BrokerIo.deadLetters(SharedKafka.bootstrapServers(), known + ":")).isEmpty();
    }

    // The app's own global store, through interactive queries: the outcome must not overtake the
    // tenant here, since the check does not wait for the global thread (README, "Unknown tenants").
    private boolean tenantKnown(TenantId tenant) {
        try {
            return streams.getKafkaStreams().store(StoreQueryParameters.fromNameAndType(FeedbackTopology.TENANTS_STORE,
                    QueryableStoreTypes.<TenantKey, byte[]>keyValueStore())).get(new TenantKey(tenant, tenant.value())) != null;
        } catch (InvalidStateStoreException notYet) {
            return false;
        }
    }

    private static OfferStats globalStats(TenantId tenant) {
        TenantKey global = StatsScope.GLOBAL.key(tenant, StatsScope.GLOBAL_ID);
        Map<TenantKey, OfferStats> stats = BrokerIo.latestCommitted(SharedKafka.bootstrapServers(), Topics.OFFER_STATS, global::equals);
        return stats.get(global);
    }

    private static TenantId freshTenant(String prefix) {
        return new TenantId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
