package io.nextbest.decision.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The item topics feedback-service publishes, read back through decision's read-model topology. */
class ItemModelStoresTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId COFFEE_SHOP = new TenantId("coffee-shop");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TopologyTestDriver driver;
    private ItemModelStores stores;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology().buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-items-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        stores = new ItemModelStores(() -> driver.getKeyValueStore(DecisionReadModelsTopology.ITEM_STATS_STORE),
                () -> driver.getKeyValueStore(DecisionReadModelsTopology.ITEM_COOCCURRENCE_STORE));
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private <V> void publish(Topic<TenantKey, V> topic, TenantKey key, V value) {
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer()).pipeInput(key, value);
    }

    @Test
    void itemStatsOfOneProjectAreScannedWithoutAProjectWhoseIdStartsTheSame() {
        ItemStats viewed = ItemStats.EMPTY.plus("view_item", 1, T0, Duration.ofDays(7));
        publish(Topics.ITEM_STATS, new TenantKey(COFFEE, "latte"), viewed);
        publish(Topics.ITEM_STATS, new TenantKey(COFFEE, "mocha"), viewed);
        publish(Topics.ITEM_STATS, new TenantKey(COFFEE_SHOP, "tea"), viewed);

        Map<String, ItemStats> seen = new HashMap<>();
        stores.forEachItemStats(COFFEE, seen::put);

        assertThat(seen).containsOnlyKeys("latte", "mocha");
        assertThat(seen.get("latte").counts()).containsEntry("view_item", 1L);
    }

    @Test
    void neighboursAreReadUnderTheProjectAndEmptyWhenUnknown() {
        publish(Topics.ITEM_COOCCURRENCE, new TenantKey(COFFEE, "latte"), new ItemNeighbours(Map.of("mocha", 2.0)));

        assertThat(stores.neighbours(COFFEE, "latte").neighbours()).containsEntry("mocha", 2.0);
        assertThat(stores.neighbours(COFFEE_SHOP, "latte")).isEqualTo(ItemNeighbours.EMPTY);
    }

    @Test
    void userRecentItemsAreKeptPerProjectAndUserWithTheLatestValueAndATombstoneRemovesThem() {
        UserRecentItems first = new UserRecentItems(List.of(new RecentItem("latte", "view_item", T0)));
        UserRecentItems second = new UserRecentItems(List.of(new RecentItem("mocha", "view_item", T0.plusSeconds(5)),
                new RecentItem("latte", "view_item", T0)));
        publish(Topics.USER_RECENT_ITEMS, new TenantKey(COFFEE, "u1"), first);
        publish(Topics.USER_RECENT_ITEMS, new TenantKey(COFFEE, "u1"), second);
        publish(Topics.USER_RECENT_ITEMS, new TenantKey(COFFEE, "u2"), first);
        publish(Topics.USER_RECENT_ITEMS, new TenantKey(COFFEE, "u2"), null);

        assertThat(storedRecentItems(COFFEE, "u1")).isEqualTo(second);
        assertThat(storedRecentItems(COFFEE_SHOP, "u1")).isNull();
        assertThat(storedRecentItems(COFFEE, "u2")).isNull();
    }

    @Test
    void userRecentItemsIsAPartitionedTableWhileItemStatsAndNeighboursStayGlobal() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology().buildTopology(builder);
        TopologyDescription description = builder.build().describe();

        // Task stores (each instance holds its partitions' users), exactly the partitioned read models.
        assertThat(description.subtopologies()).flatExtracting(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Processor)
                .flatExtracting(node -> ((TopologyDescription.Processor) node).stores())
                .containsExactlyInAnyOrderElementsOf(PartitionedReadModel.ALL.stream().map(PartitionedReadModel::storeName).toList())
                .contains(DecisionReadModelsTopology.USER_RECENT_ITEMS_STORE);
        assertThat(description.globalStores()).extracting(store -> store.processor().stores())
                .contains(Set.of(DecisionReadModelsTopology.ITEM_STATS_STORE), Set.of(DecisionReadModelsTopology.ITEM_COOCCURRENCE_STORE))
                .doesNotContain(Set.of(DecisionReadModelsTopology.USER_RECENT_ITEMS_STORE));
        // The store is partitioned like its topic: its one source is user-recent-items itself, no repartition.
        assertThat(description.subtopologies()).flatExtracting(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Source)
                .flatExtracting(node -> ((TopologyDescription.Source) node).topicSet())
                .contains(Topics.USER_RECENT_ITEMS.name())
                .noneMatch(topic -> topic.contains("repartition"));
    }

    private UserRecentItems storedRecentItems(TenantId project, String userId) {
        return driver.<TenantKey, UserRecentItems>getKeyValueStore(DecisionReadModelsTopology.USER_RECENT_ITEMS_STORE)
                .get(new TenantKey(project, userId));
    }
}
