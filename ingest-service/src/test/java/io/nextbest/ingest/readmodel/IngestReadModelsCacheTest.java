package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.UnauthorizedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookups keep decoded records in memory ({@link IngestRecordCaches}); these pin down that
 * memory never answers with a record older than the store's: every change the topology writes
 * is seen by the very next lookup.
 */
class IngestReadModelsCacheTest {

    private static final String PEPPER = "test-pepper-of-sixteen-chars";
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId OTHER = new TenantId("other");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    TopologyTestDriver driver;
    IngestRecordCaches caches;
    IngestReadModels readModels;
    ApiKeyHashing hashing = new ApiKeyHashing(PEPPER);
    ApiKeyAuthenticator authenticator;

    @BeforeEach
    void topologyWithCaches() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-cache-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        caches = new IngestRecordCaches();
        StreamsBuilder builder = new StreamsBuilder();
        new IngestReadModelsTopology(20, caches).buildTopology(builder);
        driver = new TopologyTestDriver(builder.build(), config);
        readModels = overDriver(caches);
        authenticator = new ApiKeyAuthenticator(readModels::apiKey, hashing, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aKeyRevokedAfterItWasUsedIsRefusedByTheNextRequest() {
        String raw = ApiKeyHashing.newRawKey();
        apiKey(ACME, raw, false);
        assertThat(authenticator.authenticate("acme", raw).tenant()).isEqualTo(ACME);
        assertThat(authenticator.authenticate("acme", raw).tenant()).isEqualTo(ACME);

        apiKey(ACME, raw, true);

        assertThatThrownBy(() -> authenticator.authenticate("acme", raw)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aRotatedKeyWorksAndTheDeletedOldOneIsRefusedByTheNextRequest() {
        String old = ApiKeyHashing.newRawKey();
        apiKey(ACME, old, false);
        authenticator.authenticate("acme", old);

        String rotated = ApiKeyHashing.newRawKey();
        apiKey(ACME, rotated, false);
        tombstone(CatalogEntity.API_KEY, ACME, ApiKeyHashing.prefixOf(old).orElseThrow());

        assertThat(authenticator.authenticate("acme", rotated).tenant()).isEqualTo(ACME);
        assertThatThrownBy(() -> authenticator.authenticate("acme", old)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aKeyOfOneTenantIsNotFoundUnderAnother() {
        String raw = ApiKeyHashing.newRawKey();
        apiKey(ACME, raw, false);
        authenticator.authenticate("acme", raw);

        assertThatThrownBy(() -> authenticator.authenticate("other", raw)).isInstanceOf(UnauthorizedException.class);
        assertThat(readModels.apiKey(OTHER, ApiKeyHashing.prefixOf(raw).orElseThrow())).isEmpty();
    }

    @Test
    void aChangedTrackerIsSeenByTheNextLookup() {
        upsert(CatalogEntity.TRACKER, ACME, "web-1", new Tracker("web-1", "shop", "store-1", List.of("shop.example.com")));
        assertThat(readModels.tracker(ACME, "web-1")).hasValueSatisfying(t -> assertThat(t.storeId()).isEqualTo("store-1"));

        upsert(CatalogEntity.TRACKER, ACME, "web-1", new Tracker("web-1", "shop", null, List.of("other.example.com")));

        assertThat(readModels.tracker(ACME, "web-1")).hasValueSatisfying(t -> {
            assertThat(t.storeId()).isNull();
            assertThat(t.allowedDomains()).containsExactly("other.example.com");
        });
    }

    @Test
    void aLookupThatFoundNothingDoesNotHideTheRecordThatArrivesLater() {
        assertThat(readModels.tracker(ACME, "web-2")).isEmpty();

        upsert(CatalogEntity.TRACKER, ACME, "web-2", new Tracker("web-2", "shop", "store-2", List.of()));

        assertThat(readModels.tracker(ACME, "web-2")).isPresent();
    }

    @Test
    void theCreditBalanceFollowsEveryUpdate() {
        assertThat(readModels.creditBalance(ACME)).isEqualTo(CreditBalance.EMPTY);
        balance(ACME, new CreditBalance(100, 0, Instant.EPOCH));
        assertThat(readModels.creditBalance(ACME).balance()).isEqualTo(100);

        balance(ACME, new CreditBalance(100, 60, Instant.EPOCH));

        assertThat(readModels.creditBalance(ACME).balance()).isEqualTo(40);
        assertThat(readModels.creditBalance(OTHER)).isEqualTo(CreditBalance.EMPTY);
    }

    @Test
    void recordsStoredBeforeTheMemoryExistedAreReadFromTheStore() {
        String raw = ApiKeyHashing.newRawKey();
        apiKey(ACME, raw, false);
        // As after a restart from a checkpoint: the store holds the key, the new memory has never seen it.
        IngestReadModels restarted = overDriver(new IngestRecordCaches());

        assertThat(restarted.apiKey(ACME, ApiKeyHashing.prefixOf(raw).orElseThrow())).isPresent();
    }

    private IngestReadModels overDriver(IngestRecordCaches memory) {
        return new IngestReadModels(new IngestReadModels.Stores() {
            @Override
            public void requireReadable(String name) {
            }

            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                return driver.getKeyValueStore(name);
            }
        }, memory);
    }

    private void apiKey(TenantId tenant, String raw, boolean revoked) {
        String id = ApiKeyHashing.prefixOf(raw).orElseThrow();
        upsert(CatalogEntity.API_KEY, tenant, id, new ApiKey(id, "key", "api", hashing.hash(raw), List.of(), null, revoked, Instant.EPOCH));
    }

    private void upsert(CatalogEntity entity, TenantId tenant, String id, Object payload) {
        CatalogChange change = CatalogChange.upsertOf(entity, tenant, id, SEQUENCE.incrementAndGet(), Instant.EPOCH, payload);
        pipe(Topics.catalog(entity), change.key(), change.topicValue());
    }

    private void tombstone(CatalogEntity entity, TenantId tenant, String id) {
        pipe(Topics.catalog(entity), new TenantKey(tenant, id), null);
    }

    private void balance(TenantId project, CreditBalance balance) {
        pipe(Topics.CREDIT_BALANCES, project, balance);
    }

    private <K, V> void pipe(Topic<K, V> topic, K key, V value) {
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer()).pipeInput(key, value);
    }
}
