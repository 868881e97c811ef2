package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.charge;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static io.nextbest.feedback.FeedbackFixtures.decision;
import static io.nextbest.feedback.FeedbackFixtures.itemEvent;
import static io.nextbest.feedback.FeedbackFixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DedupeTopologyTest {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant DAY_OF_T0 = T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS);

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void aRetriedOutcomeWithTheSameIdempotencyKeyCountsOnce() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);

        feedback.pipe(click);
        feedback.pipeAt(click, T0.plusSeconds(3));

        assertThat(offerStats().total().clicks()).isEqualTo(1);
        // Remembered once, with its first-seen time, under the start of its one-window (24 h) bucket.
        assertThat(seen().fetch("coffee:" + click.interactionId(), DAY_OF_T0.toEpochMilli())).isEqualTo(T0.toEpochMilli());
        assertThat(seen().fetch("coffee:" + click.interactionId(), T0.toEpochMilli())).isNull();
    }

    @Test
    void aDuplicateExactlyOneWindowLaterInTheNextBucketIsDroppedAndOneMillisecondMoreCounts() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);

        feedback.pipe(click);
        feedback.pipeAt(click, T0.plus(WINDOW));
        assertThat(offerStats().total().clicks()).isEqualTo(1);

        feedback.pipeAt(click, T0.plus(WINDOW).plusMillis(1));
        assertThat(offerStats().total().clicks()).isEqualTo(2);
    }

    @Test
    void aDuplicateOneWindowEarlierInThePreviousBucketIsDropped() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);

        feedback.pipeAt(click, T0.plus(WINDOW));
        feedback.pipeAt(click, T0);

        assertThat(offerStats().total().clicks()).isEqualTo(1);
    }

    // The edge of the store's retention: the original sits at the very start of its bucket, stream
    // time is as far ahead as a duplicate can be and still be checked (one window behind it), and the
    // duplicate is one window after the original, so the oldest bucket it asks for is the original's.
    @Test
    void theOldestCheckableDuplicateStillFindsAnOriginalAtTheStartOfItsBucket() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", DAY_OF_T0);

        feedback.pipe(click);
        feedback.pipe(coffeeOutcome("key-2", "o-2", "click", DAY_OF_T0.plus(WINDOW.multipliedBy(2))));
        feedback.pipeAt(click, DAY_OF_T0.plus(WINDOW));

        assertThat(offerStats().total().clicks()).isEqualTo(1);
        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).isEmpty()).isTrue();
    }

    @Test
    void aBucketLeavesTheStoreOnceNoCheckableRecordCanAskForIt() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);
        String id = "coffee:" + click.interactionId();

        feedback.pipe(click);
        feedback.pipe(coffeeOutcome("key-2", "o-2", "click", DAY_OF_T0.plus(WINDOW.multipliedBy(2))));
        assertThat(seen().fetch(id, DAY_OF_T0.toEpochMilli())).isEqualTo(T0.toEpochMilli());

        feedback.pipe(coffeeOutcome("key-3", "o-2", "click", DAY_OF_T0.plus(WINDOW.multipliedBy(3))));
        assertThat(seen().fetch(id, DAY_OF_T0.toEpochMilli())).isNull();
    }

    @Test
    void aDuplicateArrivingBeforeItsOriginalTimestampIsStillDropped() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);

        feedback.pipeAt(click, T0.plusSeconds(60));
        feedback.pipeAt(click, T0);

        assertThat(offerStats().total().clicks()).isEqualTo(1);
    }

    @Test
    void distinctIdempotencyKeysCountSeparately() {
        feedback.pipe(coffeeOutcome("key-1", "o-1", "click", T0));
        feedback.pipe(coffeeOutcome("key-2", "o-1", "click", T0));

        assertThat(offerStats().total().clicks()).isEqualTo(2);
    }

    @Test
    void theSameIdBeyondTheDedupeWindowCountsAgain() {
        Outcome click = coffeeOutcome("key-1", "o-1", "click", T0);

        feedback.pipe(click);
        feedback.pipeAt(click, T0.plus(Duration.ofHours(49)));

        assertThat(offerStats().total().clicks()).isEqualTo(2);
    }

    @Test
    void aRecordMoreThanTheWindowBehindStreamTimeIsDeadLetteredNotCountedUnchecked() {
        Outcome recent = coffeeOutcome("key-1", "o-1", "click", T0.plus(Duration.ofHours(49)));
        Outcome ancient = coffeeOutcome("key-2", "o-1", "click", T0);

        feedback.pipe(recent);
        feedback.pipe(ancient);
        feedback.pipe(ancient);

        assertThat(offerStats().total().clicks()).isEqualTo(1);
        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList())
                .extracting(r -> new String(r.headers().lastHeader("__streams.errors.message").value(), java.nio.charset.StandardCharsets.UTF_8))
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("more than the dedupe window (PT24H) behind stream time")
                        .contains("cannot be checked for duplicates"));
    }

    @Test
    void aTombstoneOnAnEventTopicIsIgnored() {
        feedback.pipe(coffeeOutcome("key-1", "o-1", "click", T0));
        feedback.outcomes.pipeInput(new TenantKey(COFFEE, "alice"), null, T0.plusSeconds(1));

        assertThat(offerStats().total().total()).isEqualTo(1);
    }

    @Test
    void tombstonesOnDecisionsAndTrackerEventsAreIgnored() {
        feedback.pipe(decision("rec-1", "alice", "exp", "b", false, T0));
        feedback.decisions.pipeInput(new TenantKey(COFFEE, "alice"), null, T0.plusSeconds(1));
        feedback.events.pipeInput(new TenantKey(COFFEE, "anon-1"), null, T0.plusSeconds(1));

        ExperimentStats stats = feedback.stored(FeedbackTopology.EXPERIMENT_STATS_STORE, ExperimentStats.key(COFFEE, "exp", "b"));
        assertThat(stats.decisions()).isEqualTo(1);
        assertThat(feedback.output(io.nextbest.model.topic.Topics.FEEDBACK_DEAD_LETTERS).isEmpty()).isTrue();
        assertThat(feedback.output(io.nextbest.model.topic.Topics.USER_RECENT_ITEMS).isEmpty()).isTrue();
    }

    @Test
    void aRepeatedTrackerEventIdCountsOnce() {
        feedback.pipe(itemEvent("e-1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(itemEvent("e-1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));

        ItemStats stats = feedback.stored(FeedbackTopology.ITEM_STATS_STORE, new TenantKey(COFFEE, "sku-1"));
        assertThat(stats.counts()).containsEntry("view_item", 1L);
    }

    // A retried event must not pair its items twice: the folded pairs record comes after dedupe.
    @Test
    void aRepeatedTrackerEventPairsItsItemsOnce() {
        feedback.pipe(itemEvent("e-1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(itemEvent("e-2", "anon-1", TrackerEventType.VIEW_ITEM, T0.plusSeconds(60), "sku-2"));
        feedback.pipe(itemEvent("e-2", "anon-1", TrackerEventType.VIEW_ITEM, T0.plusSeconds(60), "sku-2"));

        ItemNeighbours first = feedback.stored(FeedbackTopology.ITEM_COOCCURRENCE_STORE, new TenantKey(COFFEE, "sku-1"));
        ItemNeighbours second = feedback.stored(FeedbackTopology.ITEM_COOCCURRENCE_STORE, new TenantKey(COFFEE, "sku-2"));
        assertThat(first.neighbours()).containsExactly(entry("sku-2", 1.0));
        assertThat(second.neighbours()).containsExactly(entry("sku-1", 1.0));
    }

    @Test
    void aRepublishedDecisionIsServedOnceInItsVariant() {
        feedback.pipe(decision("rec-1", "alice", "exp", "b", false, T0));
        feedback.pipe(decision("rec-1", "alice", "exp", "b", false, T0));

        ExperimentStats stats = feedback.stored(FeedbackTopology.EXPERIMENT_STATS_STORE, ExperimentStats.key(COFFEE, "exp", "b"));
        assertThat(stats.decisions()).isEqualTo(1);
    }

    @Test
    void aRepublishedLedgerEntryMovesTheBalanceOnce() {
        feedback.pipe(topUp("t-1", COFFEE, 100, T0));
        feedback.pipe(charge("c-1", COFFEE, 10, T0.plusSeconds(1)));
        feedback.pipe(charge("c-1", COFFEE, 10, T0.plusSeconds(1)));
        feedback.pipe(topUp("t-1", COFFEE, 100, T0));

        CreditBalance balance = feedback.stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE);
        assertThat(balance.balance()).isEqualTo(90);
    }

    private WindowStore<String, Long> seen() {
        return feedback.driver.getWindowStore(FeedbackTopology.OUTCOMES_DEDUPE_STORE);
    }

    private OfferStats offerStats() {
        return feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(COFFEE, "o-1"));
    }
}
