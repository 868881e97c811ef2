package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRecommendationIdsTest {

    @Test
    void addsInFrontAndDropsTheOldestBeyondTheLimit() {
        RecentRecommendationIds.Added added = new RecentRecommendationIds(List.of("b", "a")).with("c", 2);

        assertThat(added.index().ids()).containsExactly("c", "b");
        assertThat(added.dropped()).containsExactly("a");
    }

    @Test
    void dropsNothingBelowTheLimit() {
        RecentRecommendationIds.Added added = RecentRecommendationIds.EMPTY.with("a", 20);

        assertThat(added.index().ids()).containsExactly("a");
        assertThat(added.dropped()).isEmpty();
    }

    // A lowered decisions.per-customer shrinks an index at its next addition.
    @Test
    void aLoweredLimitDropsEveryIdBeyondIt() {
        RecentRecommendationIds.Added added = new RecentRecommendationIds(List.of("d", "c", "b", "a")).with("e", 2);

        assertThat(added.index().ids()).containsExactly("e", "d");
        assertThat(added.dropped()).containsExactly("c", "b", "a");
    }

    @Test
    void knowsWhichIdsItHolds() {
        RecentRecommendationIds index = new RecentRecommendationIds(List.of("b", "a"));

        assertThat(index.contains("a")).isTrue();
        assertThat(index.contains("c")).isFalse();
    }
}
