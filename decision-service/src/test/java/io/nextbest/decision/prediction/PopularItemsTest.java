package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.model.stats.ItemStats;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PopularItemsTest {

    private static final Duration HALF_LIFE = Duration.ofDays(7);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static ItemStats purchases(int count, Instant at) {
        ItemStats stats = ItemStats.EMPTY;
        for (int i = 0; i < count; i++) {
            stats = stats.plus("purchase", 5, at, HALF_LIFE);
        }
        return stats;
    }

    @Test
    void ranksByTheScoreDecayedToTheSnapshotTimeSoOldPopularityFades() {
        PopularItems popular = PopularItems.builder(NOW, HALF_LIFE, 10)
                .add("old-hit", purchases(10, NOW.minus(Duration.ofDays(21))))   // 50 · ⅛ = 6.25
                .add("fresh", purchases(2, NOW))                                 // 10
                .build();

        assertThat(popular.items()).extracting(ScoredItem::itemId).containsExactly("fresh", "old-hit");
        assertThat(popular.items().get(1).score()).isCloseTo(6.25, within(1e-9));
    }

    @Test
    void keepsOnlyThePoolSizeBestItems() {
        PopularItems.Builder builder = PopularItems.builder(NOW, HALF_LIFE, 3);
        IntStream.rangeClosed(1, 50).forEach(i -> builder.add("item-" + i, purchases(i, NOW)));

        assertThat(builder.build().items()).extracting(ScoredItem::itemId).containsExactly("item-50", "item-49", "item-48");
    }

    @Test
    void itemsWithoutAWeightedScoreAreNotPopular() {
        ItemStats viewedButUnweighted = ItemStats.EMPTY.plus("page_view", 0, NOW, HALF_LIFE);

        assertThat(PopularItems.builder(NOW, HALF_LIFE, 3).add("x", viewedButUnweighted).build().items()).isEmpty();
    }
}
