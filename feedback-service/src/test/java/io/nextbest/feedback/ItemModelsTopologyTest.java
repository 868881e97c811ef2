package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.itemEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemModelsTopologyTest {

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void itemPopularityIsCountedAndWeightedByEventTypeAndDecaysWithTheHalfLife() {
        feedback.pipe(itemEvent("e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(itemEvent("e2", "anon-2", TrackerEventType.PURCHASE, T0.plus(Duration.ofDays(1)), "sku-1"));

        ItemStats stats = item("sku-1");
        assertThat(stats.counts()).containsEntry("view_item", 1L).containsEntry("purchase", 1L);
        // view (weight 1) one half-life old, plus purchase (weight 5) now.
        assertThat(stats.score().value()).isCloseTo(5.5, within(1e-9));
        assertThat(stats.score().asOf()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(feedback.latest(Topics.ITEM_STATS)).containsEntry(new TenantKey(COFFEE, "sku-1"), stats);
    }

    @Test
    void aLateEventDecaysToTheNewestTimeInsteadOfMovingTheClockBack() {
        feedback.pipe(itemEvent("e2", "anon-2", TrackerEventType.PURCHASE, T0.plus(Duration.ofDays(1)), "sku-1"));
        feedback.pipe(itemEvent("e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));

        assertThat(item("sku-1").score().value()).isCloseTo(5.5, within(1e-9));
        assertThat(item("sku-1").score().asOf()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void eachUserKeepsABoundedListOfRecentItemsNewestFirst() {
        for (int i = 1; i <= 4; i++) {
            feedback.pipe(itemEvent("e" + i, "anon-1", TrackerEventType.VIEW_ITEM, T0.plusSeconds(i), "sku-" + i));
        }

        UserRecentItems recent = feedback.stored(FeedbackTopology.USER_RECENT_ITEMS_STORE, new TenantKey(COFFEE, "anon-1"));
        assertThat(recent.items()).extracting(RecentItem::itemId).containsExactly("sku-4", "sku-3", "sku-2");
        assertThat(feedback.latest(Topics.USER_RECENT_ITEMS)).containsEntry(new TenantKey(COFFEE, "anon-1"), recent);
    }

    @Test
    void aLoggedInUsersItemsAreKeptUnderTheUserIdAcrossAnonymousIds() {
        feedback.pipe(loggedIn(itemEvent("e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"), "u-42"));
        feedback.pipe(loggedIn(itemEvent("e2", "anon-2", TrackerEventType.VIEW_ITEM, T0.plusSeconds(1), "sku-2"), "u-42"));

        UserRecentItems recent = feedback.stored(FeedbackTopology.USER_RECENT_ITEMS_STORE, new TenantKey(COFFEE, "u-42"));
        assertThat(recent.items()).extracting(RecentItem::itemId).containsExactly("sku-2", "sku-1");
    }

    @Test
    void itemsOneUserTouchesWithinTheWindowCoOccurBothWays() {
        feedback.pipe(itemEvent("e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(itemEvent("e2", "anon-1", TrackerEventType.VIEW_ITEM, T0.plus(Duration.ofMinutes(10)), "sku-2"));
        feedback.pipe(itemEvent("e3", "anon-1", TrackerEventType.VIEW_ITEM, T0.plus(Duration.ofHours(2)), "sku-3"));

        assertThat(neighbours("sku-1").neighbours()).containsOnlyKeys("sku-2");
        assertThat(neighbours("sku-2").neighbours()).containsOnlyKeys("sku-1");
        assertThat(feedback.<TenantKey, ItemNeighbours>stored(FeedbackTopology.ITEM_COOCCURRENCE_STORE, new TenantKey(COFFEE, "sku-3"))).isNull();
    }

    @Test
    void itemsBoughtTogetherCoOccur() {
        feedback.pipe(itemEvent("e1", "anon-1", TrackerEventType.PURCHASE, T0, "sku-1", "sku-2"));

        assertThat(neighbours("sku-1").neighbours()).containsEntry("sku-2", 1.0);
        assertThat(neighbours("sku-2").neighbours()).containsEntry("sku-1", 1.0);
    }

    // One event's pairs of an item travel as one record and are added in the order they were made:
    // the close earlier items newest first, then the basket's other items. With the fixture's two
    // neighbours per item the order decides which neighbour is replaced (Space-Saving: the lightest,
    // of equal weights the smallest id, its weight inherited).
    @Test
    void aBasketAfterEarlierViewsPairsEveryItemWithTheOthersInOrder() {
        feedback.pipe(itemEvent("e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(itemEvent("e2", "anon-1", TrackerEventType.VIEW_ITEM, T0.plusSeconds(60), "sku-2"));
        feedback.pipe(itemEvent("e3", "anon-1", TrackerEventType.PURCHASE, T0.plusSeconds(120), "sku-3", "sku-4"));

        // sku-3 gets sku-2, sku-1 (full), then sku-4 replaces sku-1 and inherits its 1.0.
        assertThat(neighbours("sku-3").neighbours()).containsExactly(entry("sku-4", 2.0), entry("sku-2", 1.0));
        assertThat(neighbours("sku-4").neighbours()).containsExactly(entry("sku-3", 2.0), entry("sku-2", 1.0));
        // sku-2 had sku-1 from e2, then gets sku-3 (full) and sku-4, which replaces sku-1.
        assertThat(neighbours("sku-2").neighbours()).containsExactly(entry("sku-4", 2.0), entry("sku-3", 1.0));
        assertThat(neighbours("sku-1").neighbours()).containsExactly(entry("sku-4", 2.0), entry("sku-3", 1.0));
    }

    @Test
    void theNeighbourListStaysWithinItsCapacityAndKeepsTheStrongest() {
        for (int round = 0; round < 3; round++) {
            feedback.pipe(itemEvent("a" + round, "user-" + round, TrackerEventType.PURCHASE, T0.plusSeconds(round), "hub", "sku-strong"));
        }
        feedback.pipe(itemEvent("b1", "user-9", TrackerEventType.PURCHASE, T0.plusSeconds(9), "hub", "sku-x", "sku-y"));

        ItemNeighbours hub = neighbours("hub");
        assertThat(hub.neighbours()).hasSize(2);
        assertThat(hub.top(1)).containsExactly("sku-strong");
        assertThat(feedback.latest(Topics.ITEM_COOCCURRENCE).get(new TenantKey(COFFEE, "hub"))).isEqualTo(hub);
    }

    private ItemStats item(String itemId) {
        return feedback.stored(FeedbackTopology.ITEM_STATS_STORE, new TenantKey(COFFEE, itemId));
    }

    private ItemNeighbours neighbours(String itemId) {
        return feedback.stored(FeedbackTopology.ITEM_COOCCURRENCE_STORE, new TenantKey(COFFEE, itemId));
    }

    private static TrackerEvent loggedIn(TrackerEvent e, String uid) {
        return new TrackerEvent(e.eventId(), e.projectId(), e.trackerId(), e.storeId(), e.platform(), e.anonUid(), uid, e.sid(),
                e.eventType(), List.<EventItem>copyOf(e.items()), e.timestamp(), e.receivedAt(), e.pageUrl(), e.referrer(),
                e.searchQuery(), e.currency(), e.properties());
    }
}
