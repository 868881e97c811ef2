package io.nextbest.decision.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.query.StoreNotReadyException;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decoded offer-stats recommend reads, and how the read-model topology keeps them equal to the store. */
class OfferStatsSnapshotsTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final TenantKey LATTE = StatsScope.OFFER.key(COFFEE, "latte");

    private final OfferStatsSnapshots snapshots = new OfferStatsSnapshots();
    private TopologyTestDriver driver;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology(new CatalogSnapshots(), snapshots).buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-offer-stats-snapshot-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private ReadOnlyKeyValueStore<TenantKey, OfferStats> store() {
        return driver.getKeyValueStore(DecisionReadModelsTopology.OFFER_STATS_STORE);
    }

    private void publish(TenantKey key, OfferStats value) {
        driver.createInputTopic(Topics.OFFER_STATS.name(), Topics.OFFER_STATS.keySerde().serializer(),
                Topics.OFFER_STATS.valueSerde().serializer()).pipeInput(key, value);
    }

    private static OfferStats clicks(int clicks) {
        OfferStats stats = OfferStats.EMPTY;
        for (int i = 0; i < clicks; i++) {
            stats = stats.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0, 30);
        }
        return stats;
    }

    private EvidenceSource evidence(TenantId tenant) {
        return new StatisticsLoader(this::store, snapshots).evidence(tenant);
    }

    @Test
    void theStoreIsStillWrittenAsAGlobalTableWouldWriteIt() {
        publish(LATTE, clicks(2));

        assertThat(store().get(LATTE)).isEqualTo(clicks(2));
    }

    @Test
    void repeatedReadsReturnTheOnceDecodedRecord() {
        publish(LATTE, clicks(2));

        OfferStats first = snapshots.get(LATTE, store());

        assertThat(first).isEqualTo(clicks(2));
        assertThat(snapshots.get(LATTE, store())).isSameAs(first);
    }

    @Test
    void anUpdateAfterTheTenantWasLoadedIsSeenByTheNextRead() {
        publish(LATTE, clicks(2));
        assertThat(evidence(COFFEE).offer("latte")).isEqualTo(new OfferEvidence(2, 0));

        publish(LATTE, clicks(5));
        publish(StatsScope.OFFER.key(COFFEE, "mocha"), clicks(1));

        assertThat(evidence(COFFEE).offer("latte")).isEqualTo(new OfferEvidence(5, 0));
        assertThat(evidence(COFFEE).offer("mocha")).isEqualTo(new OfferEvidence(1, 0));
    }

    // The view files records by scope, then by the id after the first ':' of the key.
    @Test
    void theSameIdInTwoScopesAndAnIdWithAColonAreKeptApart() {
        publish(StatsScope.OFFER.key(COFFEE, "drinks"), clicks(1));
        publish(StatsScope.CATEGORY.key(COFFEE, "drinks"), clicks(2));
        publish(StatsScope.OFFER.key(COFFEE, "flat:white"), clicks(3));
        publish(StatsScope.GLOBAL.key(COFFEE, StatsScope.GLOBAL_ID), clicks(4));

        EvidenceSource coffee = evidence(COFFEE);

        assertThat(coffee.offer("drinks")).isEqualTo(new OfferEvidence(1, 0));
        assertThat(coffee.category("drinks")).isEqualTo(new OfferEvidence(2, 0));
        assertThat(coffee.offer("flat:white")).isEqualTo(new OfferEvidence(3, 0));
        assertThat(coffee.global()).isEqualTo(new OfferEvidence(4, 0));
        assertThat(snapshots.get(StatsScope.CATEGORY.key(COFFEE, "drinks"), store())).isEqualTo(clicks(2));
        publish(StatsScope.OFFER.key(COFFEE, "flat:white"), clicks(5));
        assertThat(coffee.offer("flat:white")).isEqualTo(new OfferEvidence(5, 0));
        assertThat(coffee.offer("white")).isEqualTo(OfferEvidence.NONE);
    }

    @Test
    void aTombstoneRemovesTheRecordFromTheLoadedTenant() {
        publish(LATTE, clicks(2));
        assertThat(snapshots.get(LATTE, store())).isNotNull();

        publish(LATTE, null);

        assertThat(snapshots.get(LATTE, store())).isNull();
        assertThat(evidence(COFFEE).offer("latte")).isEqualTo(OfferEvidence.NONE);
    }

    @Test
    void aTenantSeesOnlyItsOwnStatistics() {
        publish(LATTE, clicks(2));
        publish(StatsScope.GLOBAL.key(TEA, StatsScope.GLOBAL_ID), clicks(9));
        assertThat(evidence(TEA).offer("latte")).isEqualTo(OfferEvidence.NONE);

        publish(StatsScope.OFFER.key(TEA, "latte"), clicks(4));

        assertThat(evidence(TEA).offer("latte")).isEqualTo(new OfferEvidence(4, 0));
        assertThat(evidence(COFFEE).offer("latte")).isEqualTo(new OfferEvidence(2, 0));
        assertThat(evidence(COFFEE).global()).isEqualTo(OfferEvidence.NONE);
        assertThat(evidence(TEA).global()).isEqualTo(new OfferEvidence(9, 0));
    }

    @Test
    void aTenantFirstReadAfterItsRecordsArrivedLoadsThemFromTheStore() {
        publish(StatsScope.OFFER.key(TEA, "chai"), clicks(3));
        publish(StatsScope.CATEGORY.key(TEA, "hot"), clicks(6));

        assertThat(evidence(TEA).offer("chai")).isEqualTo(new OfferEvidence(3, 0));
        assertThat(evidence(TEA).category("hot")).isEqualTo(new OfferEvidence(6, 0));
    }

    @Test
    void resetMakesTheNextReadLoadFromTheStoreAgain() {
        publish(LATTE, clicks(2));
        snapshots.get(LATTE, store());
        // As if the view had missed an update, e.g. a store rebuilt while the global thread restarted.
        snapshots.changed(LATTE, clicks(7));
        assertThat(snapshots.get(LATTE, store())).isEqualTo(clicks(7));

        snapshots.reset();

        assertThat(snapshots.get(LATTE, store())).isEqualTo(clicks(2));
    }

    @Test
    void anUpdateForATenantNobodyReadYetIsLeftToItsFirstLoad() {
        snapshots.changed(LATTE, clicks(7));

        assertThat(snapshots.get(LATTE, store())).isNull();
    }

    @Test
    void aReadModelThatIsNotRunningAnswersNotReadyEvenWithALoadedTenant() {
        publish(LATTE, clicks(2));
        AtomicBoolean running = new AtomicBoolean(true);
        StatisticsLoader guarded = new StatisticsLoader(() -> {
            if (!running.get()) {
                throw new StoreNotReadyException("read model is loading", null);
            }
            return store();
        }, snapshots);
        guarded.evidence(COFFEE).offer("latte");

        running.set(false);

        assertThatThrownBy(() -> guarded.evidence(COFFEE)).isInstanceOf(StoreNotReadyException.class);
    }
}
