package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static io.nextbest.feedback.FeedbackFixtures.itemEvent;
import static io.nextbest.feedback.FeedbackFixtures.outcome;
import static io.nextbest.feedback.FeedbackFixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every input record's tenant is checked against the global {@code catalog.tenants} store. */
class TenantCheckTopologyTest {

    private static final TenantId GHOST = new TenantId("ghost");

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void aRecordOfAKnownTenantIsCounted() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));

        assertThat(clicks(COFFEE)).isEqualTo(1);
        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList()).isEmpty();
    }

    @Test
    void aRecordOfAnUnknownTenantGoesToTheDeadLetterTopicWithTheReasonAndProcessingContinues() {
        feedback.pipe(outcome(GHOST, "alice", "k1", "o-1", "click", T0));
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0));

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "__streams.errors.message")).isEqualTo("unknown tenant ghost");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("outcomes");
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("ghost:alice");
        assertThat(feedback.<TenantKey, OfferStats>stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.GLOBAL.key(GHOST, StatsScope.GLOBAL_ID)))
                .isNull();
        assertThat(clicks(COFFEE)).isEqualTo(1);
    }

    @Test
    void aRecordWrittenWithinTheGraceOfATenantNotInTheStoreYetIsCounted() {
        // The driver's wall clock starts now: this record was written a moment ago, as the demo
        // loader tops up a tenant milliseconds after creating it.
        Instant justNow = Instant.now();
        feedback.pipe(outcome(GHOST, "alice", "k1", "o-1", "click", justNow));
        feedback.driver.advanceWallClockTime(java.time.Duration.ofMinutes(2));
        feedback.pipe(outcome(GHOST, "alice", "k2", "o-1", "click", justNow));

        assertThat(clicks(GHOST)).isEqualTo(1);
        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList())
                .extracting(r -> header(r, "__streams.errors.message")).containsExactly("unknown tenant ghost");
    }

    @Test
    void trackerEventsAndLedgerEntriesAreCheckedByTheirProjectWhichIsTheTenant() {
        feedback.pipe(itemEvent(GHOST, "e1", "anon-1", TrackerEventType.VIEW_ITEM, T0, "sku-1"));
        feedback.pipe(topUp("t1", GHOST, 100, T0));

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).extracting(r -> header(r, "__streams.errors.topic")).containsExactly("tracker-events", "credit-ledger");
        assertThat(dead).extracting(r -> header(r, "__streams.errors.message")).containsOnly("unknown tenant ghost");
        assertThat(feedback.<TenantKey, ItemStats>stored(FeedbackTopology.ITEM_STATS_STORE, new TenantKey(GHOST, "sku-1"))).isNull();
        assertThat(feedback.<TenantId, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, GHOST)).isNull();
    }

    @Test
    void aTenantCreatedAfterAnEarlierRecordWasDeadLetteredIsCountedFromThenOn() {
        feedback.pipe(outcome(GHOST, "alice", "k1", "o-1", "click", T0));
        feedback.createTenant(GHOST);
        feedback.pipe(outcome(GHOST, "alice", "k2", "o-1", "click", T0.plusSeconds(1)));

        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList()).hasSize(1);
        assertThat(clicks(GHOST)).isEqualTo(1);
    }

    @Test
    void aDeadLetteredRecordReplayedOnceItsTenantExistsCountsOnceHoweverOftenItIsReplayed() {
        feedback.pipe(outcome(GHOST, "alice", "k1", "o-1", "click", T0));
        TestRecord<byte[], byte[]> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecord();
        feedback.createTenant(GHOST);

        // The dead letter keeps the record's own key and value bytes: replaying is producing them
        // back to the topic its header names. The check ran before the dedupe step, so the first
        // replay is not taken for a duplicate, and the second one is.
        var replay = feedback.driver.createInputTopic(header(dead, "__streams.errors.topic"),
                new org.apache.kafka.common.serialization.ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        replay.pipeInput(dead.key(), dead.value(), T0.plusSeconds(5));
        replay.pipeInput(dead.key(), dead.value(), T0.plusSeconds(6));

        assertThat(clicks(GHOST)).isEqualTo(1);
        assertThat(feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList()).isEmpty();
    }

    @Test
    void recordsOfADeletedTenantGoToTheDeadLetterTopic() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));
        feedback.deleteTenant(COFFEE);
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0.plusSeconds(1)));
        feedback.pipe(topUp("t1", COFFEE, 100, T0.plusSeconds(2)));

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).extracting(r -> header(r, "__streams.errors.message")).containsExactly("unknown tenant coffee", "unknown tenant coffee");
        assertThat(clicks(COFFEE)).isEqualTo(1);
        assertThat(feedback.<TenantId, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE)).isNull();
    }

    private long clicks(TenantId tenant) {
        OfferStats stats = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(tenant, "o-1"));
        return stats == null ? 0 : stats.total().clicks();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
