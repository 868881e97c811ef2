package io.nextbest.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatsArithmeticTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void outcomeCountsRecogniseSystemTypesAndClassifications() {
        OutcomeCounts counts = OutcomeCounts.EMPTY
                .plus("impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION)
                .plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE)
                .plus("accept", Classification.POSITIVE, OutcomeCategory.RESPONSE)
                .plus("dismiss", Classification.NEGATIVE, OutcomeCategory.RESPONSE)
                .plus("convert", Classification.POSITIVE, OutcomeCategory.RESPONSE)
                .plus("custom_like", Classification.POSITIVE, OutcomeCategory.RESPONSE);

        assertThat(counts).isEqualTo(new OutcomeCounts(1, 1, 1, 1, 1, 4, 1, 6));
    }

    @Test
    void offerStatsKeepOnlyTheNewestDailyBucketsButCountEverythingInTheTotal() {
        OfferStats stats = OfferStats.EMPTY;
        for (int day = 0; day < 4; day++) {
            stats = stats.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, AT.plus(DAY.multipliedBy(day)), 2);
        }
        stats = stats.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, AT, 2);

        assertThat(stats.total().clicks()).isEqualTo(5);
        assertThat(stats.daily()).containsOnlyKeys(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));
        assertThat(stats.updatedAt()).isEqualTo(AT.plus(DAY.multipliedBy(3)));
    }

    @Test
    void contactHistoryIsBoundedByCountAndAgeRelativeToTheNewestContact() {
        ContactHistory history = ContactHistory.EMPTY;
        for (int i = 0; i < 5; i++) {
            history = history.plus(contact("o-" + i, AT.plus(Duration.ofHours(i))), false, 3, Duration.ofHours(10));
        }
        history = history.plus(contact("o-late", AT.minus(Duration.ofHours(20))), false, 3, Duration.ofHours(10));

        assertThat(history.contacts()).extracting(Contact::offerId).containsExactly("o-4", "o-3", "o-2");
    }

    @Test
    void conversionsAreRememberedForSuppression() {
        ContactHistory history = ContactHistory.EMPTY.plus(contact("o-1", AT), true, 3, DAY);

        assertThat(history.convertedOffers()).containsEntry("o-1", AT);
        assertThat(history.count("o-1", "web", AT.minusSeconds(1))).isEqualTo(1);
        assertThat(history.count("o-1", "email", AT.minusSeconds(1))).isZero();
    }

    @Test
    void decayedScoreHalvesEveryHalfLifeWhateverTheArrivalOrder() {
        DecayedScore inOrder = DecayedScore.ZERO.plus(1, AT, DAY).plus(1, AT.plus(DAY), DAY);
        DecayedScore reversed = DecayedScore.ZERO.plus(1, AT.plus(DAY), DAY).plus(1, AT, DAY);

        assertThat(inOrder.value()).isCloseTo(1.5, within(1e-9));
        assertThat(reversed.value()).isCloseTo(1.5, within(1e-9));
        assertThat(inOrder.valueAt(AT.plus(DAY.multipliedBy(2)), DAY)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void itemNeighboursStayWithinCapacityAndKeepTheHeaviest() {
        ItemNeighbours neighbours = ItemNeighbours.EMPTY
                .plus("a", 5, 2).plus("b", 1, 2).plus("c", 1, 2).plus("a", 1, 2);

        assertThat(neighbours.neighbours()).hasSize(2).containsEntry("a", 6.0).containsEntry("c", 2.0);
        assertThat(neighbours.top(1)).containsExactly("a");
    }

    @Test
    void userRecentItemsKeepEachItemOnceAtItsLatestInteraction() {
        UserRecentItems items = UserRecentItems.EMPTY
                .plus(new RecentItem("a", "view_item", AT), 2)
                .plus(new RecentItem("b", "view_item", AT.plusSeconds(1)), 2)
                .plus(new RecentItem("a", "add_to_cart", AT.plusSeconds(2)), 2)
                .plus(new RecentItem("c", "view_item", AT.minusSeconds(5)), 2);

        assertThat(items.items()).extracting(RecentItem::itemId).containsExactly("a", "b");
        assertThat(items.items().get(0).eventType()).isEqualTo("add_to_cart");
    }

    @Test
    void statsScopeKeysAreTenantScoped() {
        TenantId coffee = new TenantId("coffee");

        assertThat(StatsScope.OFFER.key(coffee, "o-1").wireForm()).isEqualTo("coffee:offer:o-1");
        assertThat(StatsScope.OFFER_CHANNEL.key(coffee, StatsScope.offerChannelId("o-1", "web")).wireForm())
                .isEqualTo("coffee:offer-channel:o-1|web");
        assertThat(ExperimentStats.key(coffee, "exp", "b").wireForm()).isEqualTo("coffee:exp|b");
    }

    private static Contact contact(String offerId, Instant at) {
        return new Contact(offerId, "web", "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, at);
    }
}
