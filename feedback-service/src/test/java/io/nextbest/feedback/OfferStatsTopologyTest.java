package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.TEA;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static io.nextbest.feedback.FeedbackFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.OutcomeCounts;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfferStatsTopologyTest {

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE, TEA);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void eachOutcomeCountsInItsOfferCategoryChannelOfferChannelAndGlobalScope() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "impression", T0));
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0.plusSeconds(1)));
        feedback.pipe(coffeeOutcome("k3", "o-2", "dismiss", T0.plusSeconds(2)));

        OutcomeCounts offer1 = new OutcomeCounts(1, 1, 0, 0, 0, 1, 0, 2);
        OutcomeCounts all = new OutcomeCounts(1, 1, 0, 1, 0, 1, 1, 3);
        assertThat(total(StatsScope.OFFER, "o-1")).isEqualTo(offer1);
        assertThat(total(StatsScope.OFFER_CHANNEL, StatsScope.offerChannelId("o-1", "web"))).isEqualTo(offer1);
        assertThat(total(StatsScope.OFFER, "o-2")).isEqualTo(new OutcomeCounts(0, 0, 0, 1, 0, 0, 1, 1));
        assertThat(total(StatsScope.CATEGORY, "drinks")).isEqualTo(all);
        assertThat(total(StatsScope.CHANNEL, "web")).isEqualTo(all);
        assertThat(total(StatsScope.GLOBAL, StatsScope.GLOBAL_ID)).isEqualTo(all);
    }

    @Test
    void acceptsAndConversionsArePositives() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "accept", T0));
        feedback.pipe(coffeeOutcome("k2", "o-1", "convert", T0));

        assertThat(total(StatsScope.OFFER, "o-1")).isEqualTo(new OutcomeCounts(0, 0, 1, 0, 1, 2, 0, 2));
    }

    @Test
    void tenantsAreCountedApart() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));
        feedback.pipe(outcome(TEA, "bob", "k1", "o-1", "click", T0));
        feedback.pipe(outcome(TEA, "bob", "k2", "o-1", "click", T0));

        assertThat(total(StatsScope.OFFER, "o-1").clicks()).isEqualTo(1);
        OfferStats tea = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(TEA, "o-1"));
        assertThat(tea.total().clicks()).isEqualTo(2);
    }

    @Test
    void dailyBucketsFollowTheOutcomeTimeEvenWhenItArrivesLate() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0.plus(Duration.ofDays(2))));
        // Happened two days ago, reached ingest now: the record carries ingest's time.
        feedback.pipeAt(coffeeOutcome("k2", "o-1", "click", T0), T0.plus(Duration.ofDays(2)));

        OfferStats stats = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(COFFEE, "o-1"));
        assertThat(stats.daily()).containsOnlyKeys(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-25"));
        assertThat(stats.daily().get(LocalDate.parse("2026-11-23")).clicks()).isEqualTo(1);
        assertThat(stats.total().clicks()).isEqualTo(2);
        assertThat(stats.updatedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void theCompactedTopicCarriesTheLatestStatsUnderTenantScopedKeys() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0));

        Map<TenantKey, OfferStats> published = feedback.latest(Topics.OFFER_STATS);

        assertThat(published.keySet()).extracting(TenantKey::wireForm).containsExactlyInAnyOrder(
                "coffee:global:all", "coffee:offer:o-1", "coffee:category:drinks", "coffee:channel:web", "coffee:offer-channel:o-1|web");
        assertThat(published.get(StatsScope.OFFER.key(COFFEE, "o-1")).total().clicks()).isEqualTo(2);
    }

    private OutcomeCounts total(StatsScope scope, String id) {
        OfferStats stats = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, scope.key(COFFEE, id));
        return stats.total();
    }
}
