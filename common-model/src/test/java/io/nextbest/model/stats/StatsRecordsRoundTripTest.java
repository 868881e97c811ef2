package io.nextbest.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatsRecordsRoundTripTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    static Stream<Arguments> everyAggregateTopic() {
        return Stream.of(
                Arguments.of(Topics.OFFER_STATS, OfferStats.EMPTY
                        .plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, AT, 30)
                        .plus("impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, AT.minus(Duration.ofDays(1)), 30)),
                Arguments.of(Topics.CUSTOMER_CONTACTS, ContactHistory.EMPTY.plus(
                        new Contact("o-1", "web", "convert", Classification.POSITIVE, OutcomeCategory.RESPONSE, AT),
                        true, 10, Duration.ofDays(30))),
                Arguments.of(Topics.EXPERIMENT_STATS, ExperimentStats.EMPTY.plusDecision("exp", "control", true, AT)
                        .plusOutcome("exp", "control", true, "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, AT)),
                Arguments.of(Topics.ITEM_STATS, ItemStats.EMPTY.plus("view_item", 1.0, AT, Duration.ofDays(7))),
                Arguments.of(Topics.ITEM_COOCCURRENCE, ItemNeighbours.EMPTY.plus("sku-2", 1.5, 4).plus("sku-3", 2.0, 4)),
                Arguments.of(Topics.USER_RECENT_ITEMS, UserRecentItems.EMPTY.plus(new RecentItem("sku-1", "view_item", AT), 5)));
    }

    @ParameterizedTest
    @MethodSource("everyAggregateTopic")
    <V> void everyAggregateRoundTripsUnchangedThroughItsTopicSerde(Topic<?, V> topic, V sample) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample);

        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(sample);
    }
}
