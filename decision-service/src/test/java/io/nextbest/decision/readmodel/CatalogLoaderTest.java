package io.nextbest.decision.readmodel;

import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.retention;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.pipeline.DecisionCatalog;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TopologyTestDriver driver;
    private CatalogLoader loader;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology().buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        loader = new CatalogLoader(entity -> driver.getKeyValueStore(DecisionReadModelsTopology.storeName(entity)));
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private void upsert(CatalogEntity entity, TenantId tenant, String id, Object record) {
        Topic<TenantKey, CatalogChange> topic = Topics.catalog(entity);
        TestInputTopic<TenantKey, CatalogChange> input = driver.createInputTopic(topic.name(),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        CatalogChange change = CatalogChange.upsertOf(entity, tenant, id, 1, T0, record);
        input.pipeInput(change.key(), change.topicValue());
    }

    private void delete(CatalogEntity entity, TenantId tenant, String id) {
        Topic<TenantKey, CatalogChange> topic = Topics.catalog(entity);
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
                .pipeInput(new TenantKey(tenant, id), null);
    }

    @Test
    void eachTenantSeesOnlyItsOwnEntities() {
        upsert(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        upsert(CatalogEntity.OFFER, COFFEE, "mocha", offer("mocha").build());
        upsert(CatalogEntity.OFFER, TEA, "green", offer("green").build());

        assertThat(loader.all(CatalogEntity.OFFER, COFFEE, Offer.class)).extracting(Offer::id)
                .containsExactlyInAnyOrder("latte", "mocha");
        assertThat(loader.all(CatalogEntity.OFFER, TEA, Offer.class)).extracting(Offer::id).containsExactly("green");
        assertThat(loader.one(CatalogEntity.OFFER, TEA, "latte", Offer.class)).isEmpty();
    }

    @Test
    void tombstoneRemovesTheEntity() {
        upsert(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        delete(CatalogEntity.OFFER, COFFEE, "latte");

        assertThat(loader.all(CatalogEntity.OFFER, COFFEE, Offer.class)).isEmpty();
    }

    @Test
    void catalogForAFlowBringsItsExperimentAndEveryEntity() {
        DecisionFlow flow = new DecisionFlow("f", "coffee-flow", "F", "active", true, List.of(), null, 5, "exp-1");
        upsert(CatalogEntity.OFFER, COFFEE, "latte", offer("latte").build());
        upsert(CatalogEntity.CATEGORY, COFFEE, "cat-retention", retention());
        upsert(CatalogEntity.CHANNEL, COFFEE, "ch-email", emailChannel());
        upsert(CatalogEntity.CREATIVE, COFFEE, "c1", creative("c1", "latte", "ch-email", null, 100));
        upsert(CatalogEntity.EXPERIMENT, COFFEE, "e1", new Experiment("e1", "exp-1", "E", "champion_challenger", true, 10, List.of()));
        upsert(CatalogEntity.EXPERIMENT, TEA, "e2", new Experiment("e2", "exp-1", "E", "champion_challenger", true, 90, List.of()));

        DecisionCatalog catalog = loader.catalog(COFFEE, flow);

        assertThat(catalog.offers()).hasSize(1);
        assertThat(catalog.categories()).hasSize(1);
        assertThat(catalog.channels()).hasSize(1);
        assertThat(catalog.creatives()).hasSize(1);
        assertThat(catalog.experiment().holdoutPercent()).isEqualTo(10);
    }
}
