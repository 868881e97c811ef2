package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.streams.BinarySerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The recent-decisions store's binary layout reads back what it wrote, reads the JSON it replaced, and rejects bad bytes. */
class RecentDecisionsSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456789Z");
    private static final BinarySerde<RecentDecisions> SERDE = RecentDecisionsSerde.RECENT_DECISIONS;

    @Test
    void aCustomersRecommendationsRoundTripInOrder() {
        RecentDecisions recent = twoRecommendations();

        byte[] bytes = SERDE.serializer().serialize("changelog", recent);

        assertThat(bytes[0]).isEqualTo((byte) RecentDecisionsSerde.FORMAT);
        assertThat(SERDE.deserializer().deserialize("changelog", bytes)).isEqualTo(recent);
    }

    // The fold adds to what the store read: the kept recommendations' offers go back as the bytes read.
    @Test
    void aFoldOverStoredBytesKeepsTheOlderOffersIntact() {
        RecentDecisions stored = SERDE.fromBytes(SERDE.toBytes(twoRecommendations()));
        List<RankedOffer> third = List.of(new RankedOffer(1, "o-4", "Offer 4", "food", "cr-4", "web", "home", 3.25, false));

        RecentDecisions folded = SERDE.fromBytes(SERDE.toBytes(stored.with(decision("rec-3", third), 2)));

        assertThat(folded).isEqualTo(twoRecommendations().with(decision("rec-3", third), 2));
        assertThat(folded.recommendations()).extracting(RecentDecisions.Recommendation::recommendationId).containsExactly("rec-3", "rec-2");
        assertThat(folded.find("rec-2").orElseThrow().decisions()).extracting(RankedOffer::offerId).containsExactly("o-3");
    }

    // Format 1 (offers unframed, before the timestamp) is what a store written before format 2 holds.
    @Test
    void readsTheFirstBinaryFormat() {
        RecentDecisions recent = twoRecommendations();
        byte[] format1 = RecentDecisionsFormat1.SERDE.toBytes(recent);

        assertThat(format1[0]).isEqualTo((byte) 1);
        assertThat(SERDE.fromBytes(format1)).isEqualTo(recent);
    }

    @Test
    void badOfferBytesAreASerializationExceptionWhenRead() {
        byte[] bytes = SERDE.toBytes(RecentDecisions.EMPTY.with(decision("rec-1",
                List.of(new RankedOffer(1, "o-1", "Offer 1", "food", "cr-1", "web", "home", 1.0, false))), 20));
        bytes[bytes.length - 1] = 7; // the offer's mandatory flag: neither 0 nor 1
        RecentDecisions read = SERDE.fromBytes(bytes);

        assertThatThrownBy(() -> read.find("rec-1").orElseThrow().decisions().get(0))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read RecentDecisions offers");
    }

    @Test
    void noRecommendationsAndNoOffersRoundTrip() {
        RecentDecisions empty = RecentDecisions.EMPTY.with(decision("rec-0", List.of()), 20);

        assertThat(SERDE.fromBytes(SERDE.toBytes(RecentDecisions.EMPTY))).isEqualTo(RecentDecisions.EMPTY);
        assertThat(SERDE.fromBytes(SERDE.toBytes(empty))).isEqualTo(empty);
    }

    @Test
    void isSmallerThanTheJsonItReplaces() {
        RecentDecisions recent = twoRecommendations();

        assertThat(SERDE.toBytes(recent).length).isLessThan(new JsonSerde<>(RecentDecisions.class).toBytes(recent).length);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(SERDE.serializer().serialize("changelog", null)).isNull();
        assertThat(SERDE.deserializer().deserialize("changelog", null)).isNull();
    }

    // An instance upgraded in place still holds JSON in its store and changelog.
    @Test
    void readsTheJsonTheStoreHeldBeforeThisLayout() {
        RecentDecisions recent = twoRecommendations();

        assertThat(SERDE.fromBytes(new JsonSerde<>(RecentDecisions.class).toBytes(recent))).isEqualTo(recent);
    }

    @Test
    void badBytesAreASerializationException() {
        byte[] good = SERDE.toBytes(twoRecommendations());
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 7;
        byte[] hugeCount = good.clone();
        hugeCount[1] = 0x7f;
        byte[] brokenJson = "{\"recommendations\":[".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(truncated, longer, otherFormat, hugeCount, brokenJson, new byte[0])) {
            assertThatThrownBy(() -> SERDE.deserializer().deserialize("changelog", bad))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read RecentDecisions");
        }
    }

    private static RecentDecisions twoRecommendations() {
        // Optional ids absent, a non-ASCII name, a negative and a fractional score.
        List<RankedOffer> first = List.of(new RankedOffer(1, "o-1", "Café crème", "drinks", "cr-1", "web", "home", 0.875, false),
                new RankedOffer(2, "o-2", null, null, null, "email", null, -1.5, true));
        List<RankedOffer> second = List.of(new RankedOffer(1, "o-3", "Offer 3", "food", "cr-3", "push", "push", 12.0, false));
        return RecentDecisions.EMPTY.with(decision("rec-1", first), 20).with(decision("rec-2", second), 20);
    }

    private static DecisionRecord decision(String recommendationId, List<RankedOffer> offers) {
        return new DecisionRecord(recommendationId, new TenantId("coffee"), "c-1", null, "flow", "web", "home", null, false, null,
                offers, T0.plusSeconds(recommendationId.hashCode() % 100));
    }
}
