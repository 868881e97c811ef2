package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.TEA;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.Outcome;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTopologyTest {

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE, TEA);
    private final TestInputTopic<byte[], byte[]> rawOutcomes = feedback.driver.createInputTopic(Topics.OUTCOMES.name(),
            new ByteArraySerializer(), new ByteArraySerializer());

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void anUndeserializableRecordGoesToTheDeadLetterTopicAndProcessingContinues() {
        rawOutcomes.pipeInput("coffee:alice".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8), T0);
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("outcomes");
        assertThat(header(dead.get(0), "__streams.errors.exception")).contains("SerializationException");
        assertThat(clicksOfOffer1()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutAKeyGoesToTheDeadLetterTopicWithTheReason() {
        Outcome click = coffeeOutcome("k1", "o-1", "click", T0);
        feedback.outcomes.pipeInput(null, click, T0);
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0));

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "__streams.errors.message")).isEqualTo("record without a key");
        assertThat(clicksOfOffer1()).isEqualTo(1);
    }

    @Test
    void aRecordKeyedToAnotherTenantThanItsValueGoesToTheDeadLetterTopic() {
        Outcome click = coffeeOutcome("k1", "o-1", "click", T0);
        feedback.outcomes.pipeInput(new TenantKey(TEA, "alice"), click, T0);

        List<TestRecord<byte[], byte[]>> dead = feedback.output(Topics.FEEDBACK_DEAD_LETTERS).readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "__streams.errors.message")).contains("does not match");
        assertThat(feedback.latest(Topics.OFFER_STATS)).isEmpty();
    }

    private long clicksOfOffer1() {
        OfferStats stats = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(FeedbackFixtures.COFFEE, "o-1"));
        return stats.total().clicks();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
