package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

    private static final int IDS = 100_000;

    @Test
    void rateOneTracesEveryRecommendationAndZeroNone() {
        TraceSampling all = new TraceSampling(new TraceProperties(1.0));
        TraceSampling none = new TraceSampling(new TraceProperties(0.0));

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID().toString())).allMatch(all::traced).noneMatch(none::traced);
    }

    @Test
    void theTracedShareOfRandomIdsIsTheRate() {
        TraceSampling sampling = new TraceSampling(new TraceProperties(0.05));

        long traced = IntStream.range(0, IDS).mapToObj(i -> UUID.randomUUID().toString()).filter(sampling::traced).count();

        // 5 % of 100,000 is 5,000 with a standard deviation of about 69; ±500 is over 7 of them.
        assertThat(traced).isBetween(4_500L, 5_500L);
    }

    @Test
    void theSameRecommendationIdGetsTheSameAnswer() {
        TraceSampling sampling = new TraceSampling(new TraceProperties(0.5));
        String id = UUID.randomUUID().toString();

        boolean first = sampling.traced(id);

        assertThat(IntStream.range(0, 10).mapToObj(i -> sampling.traced(id))).containsOnly(first);
    }

    @Test
    void aRateOutsideZeroToOneIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new TraceProperties(1.5)).hasMessageContaining("nextbest.decision.trace.sample-rate");
        assertThatThrownBy(() -> new TraceProperties(Double.NaN)).hasMessageContaining("nextbest.decision.trace.sample-rate");
    }
}
