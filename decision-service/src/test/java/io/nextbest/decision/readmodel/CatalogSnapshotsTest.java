package io.nextbest.decision.readmodel;

import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.query.StoreNotReadyException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-tenant catalog snapshots recommend reads, and when the read-model topology invalidates them. */
class CatalogSnapshotsTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final CatalogSnapshots snapshots = new CatalogSnapshots();
    private TopologyTestDriver driver;
    private CatalogLoader loader;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology(snapshots, new OfferStatsSnapshots()).buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-snapshot-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        loader = new CatalogLoader(entity -> driver.getKeyValueStore(DecisionReadModelsTopology.storeName(entity)), snapshots);
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private void pipe(CatalogEntity entity, TenantId tenant, String id, Object record) {
        Topic<TenantKey, CatalogChange> topic = Topics.catalog(entity);
        var input = driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
        if (record == null) {
            input.pipeInput(new TenantKey(tenant, id), null);
        } else {
            CatalogChange change = CatalogChange.upsertOf(entity, tenant, id, 1, T0, record);
            input.pipeInput(change.key(), change.topicValue());
        }
    }

    private List<Offer> offers(TenantId tenant) {
        return loader.all(CatalogEntity.OFFER, tenant, Offer.class);
    }

    private java.util.Optional<ApiKey> apiKey(TenantId tenant, String id) {
        var store = driver.<TenantKey, CatalogChange>getKeyValueStore(DecisionReadModelsTopology.storeName(CatalogEntity.API_KEY));
        return snapshots.apiKey(new TenantKey(tenant, id), store::get);
    }

    @Test
    void anApiKeyIsDecodedOnceAndARevocationOrDeletionIsSeenOnTheNextRead() {
        ApiKey key = new ApiKey("nbk_abcdefgh", "k", "api", "00ff", List.of(), null, false, T0);
        pipe(CatalogEntity.API_KEY, COFFEE, key.id(), key);

        ApiKey first = apiKey(COFFEE, key.id()).orElseThrow();
        assertThat(apiKey(COFFEE, key.id())).containsSame(first);
        assertThat(first.revoked()).isFalse();
        assertThat(apiKey(TEA, key.id())).isEmpty();

        pipe(CatalogEntity.API_KEY, COFFEE, key.id(), new ApiKey(key.id(), "k", "api", "00ff", List.of(), null, true, T0));
        assertThat(apiKey(COFFEE, key.id())).hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());

        pipe(CatalogEntity.API_KEY, COFFEE, key.id(), null);
        assertThat(apiKey(COFFEE, key.id())).isEmpty();
    }

    @Test
    void unchangedCatalogIsServedFromTheSnapshot() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());

        List<Offer> first = offers(COFFEE);

        assertThat(first).extracting(Offer::id).containsExactly("latte");
        assertThat(offers(COFFEE)).isSameAs(first);
    }

    @Test
    void newOfferOfTheTenantIsSeenOnTheNextRead() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        List<Offer> before = offers(COFFEE);

        pipe(CatalogEntity.OFFER, COFFEE, "mocha", offer("mocha").build());

        assertThat(offers(COFFEE)).isNotSameAs(before).extracting(Offer::id).containsExactly("latte", "mocha");
    }

    @Test
    void changedOfferReplacesTheOldVersion() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        offers(COFFEE);

        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").status("paused").build());

        assertThat(offers(COFFEE)).extracting(Offer::status).containsExactly("paused");
    }

    @Test
    void deletedOfferDisappearsFromTheSnapshot() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        offers(COFFEE);

        pipe(CatalogEntity.OFFER, COFFEE, "latte", null);

        assertThat(offers(COFFEE)).isEmpty();
    }

    @Test
    void changeOfAnotherTenantOrEntityKeepsTheSnapshot() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        List<Offer> coffee = offers(COFFEE);

        pipe(CatalogEntity.OFFER, TEA, "green", offer("green").build());
        pipe(CatalogEntity.CATEGORY, COFFEE, "cat-retention", io.nextbest.decision.Fixtures.retention());

        assertThat(offers(COFFEE)).isSameAs(coffee);
        assertThat(offers(TEA)).extracting(Offer::id).containsExactly("green");
    }

    @Test
    void snapshotTakenWhileARecordArrivedIsReloadedOnTheNextRead() {
        AtomicInteger loads = new AtomicInteger();
        AtomicBoolean raceOnce = new AtomicBoolean(true);

        List<String> first = snapshots.get(COFFEE, CatalogEntity.OFFER, String.class, () -> {
            loads.incrementAndGet();
            if (raceOnce.getAndSet(false)) {
                // The store updater writes a record while this scan is running.
                snapshots.changed(COFFEE, CatalogEntity.OFFER);
            }
            return List.of("as scanned");
        });
        snapshots.get(COFFEE, CatalogEntity.OFFER, String.class, () -> {
            loads.incrementAndGet();
            return List.of("rescanned");
        });

        assertThat(first).containsExactly("as scanned");
        assertThat(loads).hasValue(2);
    }

    @Test
    void readModelThatStoppedAnswersNotReadyEvenWithASnapshot() {
        pipe(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        AtomicBoolean running = new AtomicBoolean(true);
        CatalogLoader guarded = new CatalogLoader(entity -> {
            if (!running.get()) {
                throw new StoreNotReadyException("read model is loading", null);
            }
            return driver.getKeyValueStore(DecisionReadModelsTopology.storeName(entity));
        }, snapshots);
        guarded.all(CatalogEntity.OFFER, COFFEE, Offer.class);

        running.set(false);

        assertThatThrownBy(() -> guarded.all(CatalogEntity.OFFER, COFFEE, Offer.class)).isInstanceOf(StoreNotReadyException.class);
    }

    @Test
    void customersAreNeverSnapshotted() {
        AtomicInteger loads = new AtomicInteger();

        snapshots.get(COFFEE, CatalogEntity.CUSTOMER, String.class, () -> List.of("c" + loads.incrementAndGet()));
        snapshots.get(COFFEE, CatalogEntity.CUSTOMER, String.class, () -> List.of("c" + loads.incrementAndGet()));

        assertThat(loads).hasValue(2);
    }
}
