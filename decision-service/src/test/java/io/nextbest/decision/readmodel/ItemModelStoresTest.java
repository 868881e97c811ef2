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
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
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
                () -> driver.getKeyValueStore(DecisionReadModelsTopology.ITEM_COOCCURRENCE_STORE),
                () -> driver.getKeyValueStore(DecisionReadModelsTopology.USER_RECENT_ITEMS_STORE));
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
    void neighboursAndRecentItemsAreReadUnderTheProjectAndEmptyWhenUnknown() {
        publish(Topics.ITEM_COOCCURRENCE, new TenantKey(COFFEE, "latte"), new ItemNeighbours(Map.of("mocha", 2.0)));
        publish(Topics.USER_RECENT_ITEMS, new TenantKey(COFFEE, "u1"), new UserRecentItems(List.of(new RecentItem("latte", "view_item", T0))));

        assertThat(stores.neighbours(COFFEE, "latte").neighbours()).containsEntry("mocha", 2.0);
        assertThat(stores.neighbours(COFFEE_SHOP, "latte")).isEqualTo(ItemNeighbours.EMPTY);
        assertThat(stores.recentItems(COFFEE, "u1").items()).extracting(RecentItem::itemId).containsExactly("latte");
        assertThat(stores.recentItems(COFFEE_SHOP, "u1")).isEqualTo(UserRecentItems.EMPTY);
    }
}
