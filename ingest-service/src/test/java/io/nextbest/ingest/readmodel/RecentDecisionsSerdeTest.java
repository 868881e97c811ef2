package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The recent-decisions stores' binary layouts and keys read back what they wrote and reject bad bytes. */
class RecentDecisionsSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456789Z");
    // Optional ids absent, a non-ASCII name, a negative and a fractional score.
    private static final RecentRecommendation RECOMMENDATION = new RecentRecommendation("rec-1",
            List.of(new RankedOffer(1, "o-1", "Café crème", "drinks", "cr-1", "web", "home", 0.875, false),
                    new RankedOffer(2, "o-2", null, null, null, "email", null, -1.5, true)), T0);

    @Test
    void aRecommendationRoundTrips() {
        byte[] bytes = RecentDecisionsSerde.RECOMMENDATION.serializer().serialize("changelog", RECOMMENDATION);

        assertThat(bytes[0]).isEqualTo(RecentDecisionsSerde.RECOMMENDATION.format());
        assertThat(RecentDecisionsSerde.RECOMMENDATION.deserializer().deserialize("changelog", bytes)).isEqualTo(RECOMMENDATION);
    }

    @Test
    void aRecommendationWithoutOffersOrTimeRoundTrips() {
        RecentRecommendation bare = new RecentRecommendation("rec-0", List.of(), null);

        assertThat(RecentDecisionsSerde.RECOMMENDATION.fromBytes(RecentDecisionsSerde.RECOMMENDATION.toBytes(bare))).isEqualTo(bare);
    }

    @Test
    void anIndexKeepsItsOrder() {
        RecentRecommendationIds index = new RecentRecommendationIds(List.of("rec-3", "rec-1", "rec-2"));

        assertThat(RecentDecisionsSerde.IDS.fromBytes(RecentDecisionsSerde.IDS.toBytes(index))).isEqualTo(index);
        assertThat(RecentDecisionsSerde.IDS.fromBytes(RecentDecisionsSerde.IDS.toBytes(RecentRecommendationIds.EMPTY)))
                .isEqualTo(RecentRecommendationIds.EMPTY);
    }

    @Test
    void anIndexIsSmallBesideTheRecommendationsItNames() {
        RecentRecommendationIds twenty = RecentRecommendationIds.EMPTY;
        for (int i = 0; i < 20; i++) {
            twenty = twenty.with(java.util.UUID.randomUUID().toString(), 20).index();
        }

        assertThat(RecentDecisionsSerde.IDS.toBytes(twenty).length).isLessThan(20 * 45);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(RecentDecisionsSerde.RECOMMENDATION.serializer().serialize("changelog", null)).isNull();
        assertThat(RecentDecisionsSerde.RECOMMENDATION.deserializer().deserialize("changelog", null)).isNull();
        assertThat(RecentDecisionsSerde.IDS.serializer().serialize("changelog", null)).isNull();
    }

    @Test
    void badBytesAreASerializationException() {
        byte[] good = RecentDecisionsSerde.RECOMMENDATION.toBytes(RECOMMENDATION);
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 7;
        byte[] badFlag = good.clone();
        badFlag[good.length - 1] = 7; // the last offer's mandatory flag: neither 0 nor 1
        for (byte[] bad : List.of(truncated, longer, otherFormat, badFlag, new byte[0])) {
            assertThatThrownBy(() -> RecentDecisionsSerde.RECOMMENDATION.deserializer().deserialize("changelog", bad))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read RecentRecommendation");
        }
    }

    @Test
    void aKeyRoundTripsAndNoTwoPairsShareBytes() {
        TenantKey customer = new TenantKey(new TenantId("coffee"), "c:1");
        RecommendationKey key = new RecommendationKey(customer, "rec-1");
        // "c" + "1rec" against "c1" + "rec": a plain concatenation would give both the same bytes.
        RecommendationKey a = new RecommendationKey(new TenantKey(new TenantId("coffee"), "c"), "1rec");
        RecommendationKey b = new RecommendationKey(new TenantKey(new TenantId("coffee"), "c1"), "rec");

        assertThat(RecommendationKey.SERDE.deserializer().deserialize("store", RecommendationKey.SERDE.serializer().serialize("store", key)))
                .isEqualTo(key);
        assertThat(RecommendationKey.SERDE.serializer().serialize("store", a)).isNotEqualTo(RecommendationKey.SERDE.serializer().serialize("store", b));
    }

    @Test
    void aKeyPartitionsLikeItsCustomer() {
        TenantKey customer = new TenantKey(new TenantId("coffee"), "c-1");

        assertThat(RecommendationKey.partitioning().serialize("decisions", new RecommendationKey(customer, "rec-1")))
                .isEqualTo(KeySerdes.tenantKey().serializer().serialize("decisions", customer));
    }

    @Test
    void badKeyBytesAreASerializationException() {
        byte[] good = RecommendationKey.SERDE.serializer().serialize("store", new RecommendationKey(new TenantKey(new TenantId("coffee"), "c-1"), "r"));
        for (byte[] bad : List.of(Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1), new byte[0])) {
            assertThatThrownBy(() -> RecommendationKey.SERDE.deserializer().deserialize("store", bad))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read RecommendationKey");
        }
    }
}
