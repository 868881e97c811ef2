package io.nextbest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.SharedKafka;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once through the real broker: the feedback app is SIGKILLed mid-stream and restarted,
 * or runs as two instances sharing the partitions, and every aggregate of a fresh tenant still
 * equals its input with each distinct record counted once — nothing lost, nothing twice.
 */
class ExactlyOnceIT {

    private static final Duration GENEROUS = Duration.ofMinutes(4);
    private static String bootstrap;

    private final List<KafkaStreams> running = new ArrayList<>();
    private Process killed;

    @TempDir
    Path stateDirs;

    @BeforeAll
    static void createTopics() throws InterruptedException {
        bootstrap = SharedKafka.bootstrapServers();
        RealFeedbackApp.createTopics(bootstrap);
    }

    @AfterEach
    void stopEverything() {
        running.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        if (killed != null) {
            killed.destroyForcibly();
        }
    }

    @Test
    void aKilledAndRestartedAppCountsEveryRecordExactlyOnce() throws Exception {
        Workload workload = recentWorkload();
        String appId = "eos-restart-" + UUID.randomUUID();
        Path stateDir = stateDirs.resolve("instance");
        BrokerIo.produce(bootstrap, workload.tenantCreated());
        BrokerIo.produce(bootstrap, workload.firstHalf());

        killed = startInOwnProcess(appId, stateDir);
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
                .until(() -> globalTotal(workload) > 0);
        killed.destroyForcibly().waitFor();
        long countedBeforeKill = globalTotal(workload);
        BrokerIo.produce(bootstrap, workload.secondHalf());

        start(appId, stateDir);

        awaitExactAggregates(workload);
        assertThat(countedBeforeKill).isPositive();
    }

    @Test
    void twoInstancesSharingThePartitionsCountEveryRecordExactlyOnce() {
        Workload workload = recentWorkload();
        String appId = "eos-pair-" + UUID.randomUUID();
        BrokerIo.produce(bootstrap, workload.tenantCreated());
        KafkaStreams first = start(appId, stateDirs.resolve("first"));
        KafkaStreams second = start(appId, stateDirs.resolve("second"));
        await().atMost(GENEROUS).until(() -> first.state() == KafkaStreams.State.RUNNING && second.state() == KafkaStreams.State.RUNNING
                && hasActiveTasks(first) && hasActiveTasks(second));

        BrokerIo.produce(bootstrap, workload.firstHalf());
        BrokerIo.produce(bootstrap, workload.secondHalf());

        awaitExactAggregates(workload);
        assertThat(hasActiveTasks(first) && hasActiveTasks(second)).isTrue();
    }

    private void awaitExactAggregates(Workload workload) {
        await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(InvalidStateStoreException.class).untilAsserted(() -> {
            assertThat(totalsOf(BrokerIo.latestCommitted(bootstrap, Topics.OFFER_STATS, ofTenant(workload.tenant)),
                    stats -> stats.total().total()))
                    .containsAllEntriesOf(workload.expectedOfferTotals);
            assertThat(totalsOf(BrokerIo.latestCommitted(bootstrap, Topics.ITEM_STATS, ofTenant(workload.tenant)),
                    stats -> stats.counts().get("view_item")))
                    .isEqualTo(workload.expectedItemViews);
            assertThat(totalsOf(BrokerIo.latestCommitted(bootstrap, Topics.EXPERIMENT_STATS, ofTenant(workload.tenant)),
                    ExperimentStats::decisions))
                    .isEqualTo(workload.expectedVariantDecisions);
            Map<TenantId, CreditBalance> balances = BrokerIo.latestCommitted(bootstrap, Topics.CREDIT_BALANCES, workload.tenant::equals);
            assertThat(balances.get(workload.tenant)).isNotNull();
            assertThat(balances.get(workload.tenant).balance()).isEqualTo(workload.expectedBalance);
            // The stores of this test's own instances, too: the published topics are shared with
            // any other feedback app on the broker.
            OfferStats global = ownedValue(FeedbackTopology.OFFER_STATS_STORE, workload.globalScope());
            assertThat(global.total().total()).isEqualTo(workload.expectedOfferTotals.get(workload.globalScope()));
            CreditBalance balance = ownedValue(FeedbackTopology.CREDIT_BALANCES_STORE, workload.tenant);
            assertThat(balance.balance()).isEqualTo(workload.expectedBalance);
        });
    }

    /** The value of {@code key} in the running instance that owns it. */
    private <K, V> V ownedValue(String store, K key) {
        for (KafkaStreams streams : running) {
            V value = streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())).get(key);
            if (value != null) {
                return value;
            }
        }
        throw new AssertionError("no running instance holds " + key + " in " + store);
    }

    private long globalTotal(Workload workload) {
        OfferStats global = BrokerIo.latestCommitted(bootstrap, Topics.OFFER_STATS, workload.globalScope()::equals).get(workload.globalScope());
        return global == null ? 0 : global.total().total();
    }

    private KafkaStreams start(String appId, Path stateDir) {
        KafkaStreams streams = RealFeedbackApp.create(bootstrap, appId, stateDir, StreamsConfig.EXACTLY_ONCE_V2);
        running.add(streams);
        streams.start();
        return streams;
    }

    private static Process startInOwnProcess(String appId, Path stateDir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, RealFeedbackApp.class.getName(),
                bootstrap, appId, stateDir.toString(), StreamsConfig.EXACTLY_ONCE_V2)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/eos-killed-instance.log"))
                .start();
    }

    private static boolean hasActiveTasks(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().anyMatch(thread -> !thread.activeTasks().isEmpty());
    }

    // Timed in the last hour, as ingest times records when it writes them: the app reads the shared
    // topics from the beginning, and records other tests left there at wall-clock time would
    // otherwise put a workload at a fixed past date more than a dedupe window behind stream time.
    private static Workload recentWorkload() {
        return new Workload(freshTenant(), 2_000, 50, 20, java.time.Instant.now().minus(Duration.ofHours(1)));
    }

    private static TenantId freshTenant() {
        return new TenantId("eos-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static java.util.function.Predicate<TenantKey> ofTenant(TenantId tenant) {
        return key -> key.tenant().equals(tenant);
    }

    private static <V> Map<TenantKey, Long> totalsOf(Map<TenantKey, V> values, Function<V, Long> count) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> count.apply(e.getValue())));
    }
}
