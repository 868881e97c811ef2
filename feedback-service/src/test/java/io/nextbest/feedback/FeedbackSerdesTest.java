package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.OutcomeCounts;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.support.streams.BinarySerde;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Every binary layout reads back the value written, nulls included, and bad bytes are a SerializationException. */
class FeedbackSerdesTest {

    private static final Contact CLICK = new Contact("o-1", "web", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0, "o-1-web");
    // Optional fields absent, and a non-ASCII id.
    private static final Contact BARE = new Contact("offre-é", null, "impression", null, null, T0.plusNanos(123_456_789));

    @Test
    void repartitionValuesRoundTrip() {
        assertRoundTrip(FeedbackSerdes.CONTACT, CLICK);
        assertRoundTrip(FeedbackSerdes.CONTACT, BARE);
        assertRoundTrip(FeedbackSerdes.RECENT_ITEM, new RecentItem("sku-1", "view_item", T0));
        assertRoundTrip(FeedbackSerdes.USER_ITEM_TOUCH, new UserItemTouch(List.of("sku-1", "sku-2"), "add_to_cart", T0));
        assertRoundTrip(FeedbackSerdes.ITEM_PAIRS, new UserItemsUpdate.ItemPairs("sku-1", List.of("sku-2", "sku-é"), 1.0));
        assertRoundTrip(FeedbackSerdes.EXPERIMENT_TALLY, new ExperimentTally("exp", "control", true, null, T0));
        assertRoundTrip(FeedbackSerdes.EXPERIMENT_TALLY, new ExperimentTally("exp", "treatment", false, CLICK, T0));
    }

    @Test
    void storeValuesRoundTrip() {
        OfferStats stats = OfferStats.EMPTY;
        for (int day = 0; day < 35; day++) {
            stats = stats.plus(day % 2 == 0 ? "click" : "convert", Classification.POSITIVE, OutcomeCategory.RESPONSE,
                    T0.plus(Duration.ofDays(day)), 30);
        }
        assertThat(stats.daily()).hasSize(30);
        assertRoundTrip(FeedbackSerdes.OFFER_STATS, stats);
        assertRoundTrip(FeedbackSerdes.OFFER_STATS, OfferStats.EMPTY);

        ContactHistory history = ContactHistory.EMPTY.plus(CLICK, false, 10, Duration.ofDays(30))
                .plus(new Contact("o-2", "email", "convert", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0.plusSeconds(5)),
                        true, 10, Duration.ofDays(30));
        assertRoundTrip(FeedbackSerdes.CONTACT_HISTORY, history);
        assertRoundTrip(FeedbackSerdes.EXPERIMENT_STATS, ExperimentStats.EMPTY);
        assertRoundTrip(FeedbackSerdes.EXPERIMENT_STATS, ExperimentStats.EMPTY.plusDecision("exp", "a", false, T0)
                .plusOutcome("exp", "a", false, "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0.plusSeconds(1)));
        assertRoundTrip(FeedbackSerdes.ITEM_STATS, ItemStats.EMPTY);
        assertRoundTrip(FeedbackSerdes.ITEM_STATS, ItemStats.EMPTY.plus("view_item", 1.0, T0, Duration.ofDays(7))
                .plus("purchase", 5.0, T0.plusSeconds(3600), Duration.ofDays(7)));
        ItemNeighbours neighbours = ItemNeighbours.EMPTY.plus("b", 1.0, 3).plus("c", 1.0, 3).plus("c", 1.0, 3).plus("a", 0.5, 3);
        assertRoundTrip(FeedbackSerdes.ITEM_NEIGHBOURS, neighbours);
        assertThat(FeedbackSerdes.ITEM_NEIGHBOURS.fromBytes(FeedbackSerdes.ITEM_NEIGHBOURS.toBytes(neighbours)).top(3))
                .containsExactly("c", "b", "a");
        assertRoundTrip(FeedbackSerdes.USER_RECENT_ITEMS, UserRecentItems.EMPTY.plus(new RecentItem("sku-1", "view_item", T0), 5)
                .plus(new RecentItem("sku-2", "purchase", T0.plusSeconds(1)), 5));
        assertRoundTrip(FeedbackSerdes.RECENT_DECISIONS, RecentDecisions.EMPTY
                .plus(new RecentDecisions.Ref("rec-1", "exp", "control", true, T0), 5)
                .plus(new RecentDecisions.Ref("rec-2", "exp", "treatment", false, T0.plusSeconds(1)), 5));
        assertRoundTrip(FeedbackSerdes.CREDIT_BALANCE, new CreditBalance(10, 3, T0));
        assertRoundTrip(FeedbackSerdes.CREDIT_BALANCE, CreditBalance.EMPTY);
        assertThat(FeedbackSerdes.OFFER_STATS.fromBytes(FeedbackSerdes.OFFER_STATS.toBytes(stats)).total())
                .isEqualTo(new OutcomeCounts(0, 18, 0, 0, 17, 35, 0, 35));
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(FeedbackSerdes.OFFER_STATS.serializer().serialize("t", null)).isNull();
        assertThat(FeedbackSerdes.OFFER_STATS.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void badBytesAreASerializationException() {
        byte[] good = FeedbackSerdes.CONTACT.toBytes(CLICK);
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 7;
        byte[] brokenJson = "{\"offerId\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] bad : List.of(truncated, longer, otherFormat, brokenJson, new byte[0])) {
            assertThatThrownBy(() -> FeedbackSerdes.CONTACT.fromBytes(bad))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read Contact");
        }
    }

    // An app upgraded in place still holds JSON in its stores, changelogs and repartition topics.
    @Test
    void readsTheJsonWrittenBeforeThisLayout() {
        ContactHistory history = ContactHistory.EMPTY.plus(CLICK, true, 10, Duration.ofDays(30));
        assertThat(FeedbackSerdes.CONTACT_HISTORY.fromBytes(new JsonSerde<>(ContactHistory.class).toBytes(history))).isEqualTo(history);
        OfferStats stats = OfferStats.EMPTY.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0, 30);
        assertThat(FeedbackSerdes.OFFER_STATS.fromBytes(new JsonSerde<>(OfferStats.class).toBytes(stats))).isEqualTo(stats);
        ExperimentTally tally = new ExperimentTally("exp", "treatment", false, CLICK, T0);
        assertThat(FeedbackSerdes.EXPERIMENT_TALLY.fromBytes(new JsonSerde<>(ExperimentTally.class).toBytes(tally))).isEqualTo(tally);

        TrackerEvent event = FeedbackFixtures.itemEvent("ev-1", "anon-1", TrackerEventType.ADD_TO_CART, T0,
                "sku-1", "sku-2", "sku-1");
        assertThat(FeedbackSerdes.USER_ITEM_TOUCH.fromBytes(Topics.TRACKER_EVENTS.valueSerde().serializer().serialize("t", event)))
                .isEqualTo(new UserItemTouch(List.of("sku-1", "sku-2"), "add_to_cart", T0));
    }

    // Format 1 kept no creative id per contact; its values (stores, changelogs, repartition topics
    // of an app upgraded in place) read as contacts without one.
    @Test
    void readsFormatOneContactsWithoutACreative() {
        byte[] formatOne = formatOne(out -> {
            BinarySerde.writeString(out, "o-1");
            BinarySerde.writeString(out, "web");
            BinarySerde.writeString(out, "click");
            BinarySerde.writeEnum(out, Classification.POSITIVE);
            BinarySerde.writeEnum(out, OutcomeCategory.RESPONSE);
            BinarySerde.writeInstant(out, T0);
        });

        assertThat(FeedbackSerdes.CONTACT.fromBytes(formatOne))
                .isEqualTo(new Contact("o-1", "web", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0, null));
        assertThat(FeedbackSerdes.CONTACT.toBytes(CLICK)[0]).isEqualTo((byte) FeedbackSerdes.CONTACTS_FORMAT);
    }

    // Before format 2 each record of item-pairs-by-item carried one pair (format 1, and JSON before
    // it); an app upgraded with such records still in the topic reads them as one-neighbour records.
    @Test
    void readsSinglePairRecordsWrittenBeforeTheFold() {
        byte[] formatOne = formatOne(out -> {
            BinarySerde.writeString(out, "sku-1");
            BinarySerde.writeString(out, "sku-2");
            out.writeDouble(2.0);
        });
        UserItemsUpdate.ItemPairs onePair = new UserItemsUpdate.ItemPairs("sku-1", List.of("sku-2"), 2.0);

        assertThat(FeedbackSerdes.ITEM_PAIRS.fromBytes(formatOne)).isEqualTo(onePair);
        assertThat(FeedbackSerdes.ITEM_PAIRS.fromBytes("{\"itemId\":\"sku-1\",\"neighbourId\":\"sku-2\",\"weight\":2.0}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(onePair);
        assertThat(FeedbackSerdes.ITEM_PAIRS.toBytes(onePair)[0]).isEqualTo((byte) FeedbackSerdes.ITEM_PAIRS_FORMAT);
    }

    // A value as format 1 wrote it: the format byte, then the fields.
    private static byte[] formatOne(java.util.function.Consumer<BinarySerde.Out> fields) {
        BinarySerde.Out out = new BinarySerde.Out();
        out.writeByte(1);
        fields.accept(out);
        return out.toByteArray();
    }

    private static <T> void assertRoundTrip(BinarySerde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("topic", value);
        assertThat(bytes[0]).isEqualTo(serde.format());
        assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(value);
    }
}
