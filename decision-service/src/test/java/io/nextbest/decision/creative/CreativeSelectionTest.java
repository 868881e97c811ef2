package io.nextbest.decision.creative;

import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.decision.candidate.Candidate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreativeSelectionTest {

    private static Candidate withCreatives(int... weights) {
        List<Candidate.CreativeOption> options = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            options.add(new Candidate.CreativeOption(creative("cr" + i, "o1", "ch-email", null, weights[i]), emailChannel()));
        }
        return new Candidate(offer("o1").build(), null, options);
    }

    @Test
    void sameCustomerAndRecommendationAlwaysGetTheSameCreative() {
        Candidate c = withCreatives(50, 50);

        String first = CreativeSelection.choose(c, "c-1", "rec-1").creative().id();

        for (int i = 0; i < 20; i++) {
            assertThat(CreativeSelection.choose(c, "c-1", "rec-1").creative().id()).isEqualTo(first);
        }
    }

    @Test
    void creativesAreChosenInProportionToTheirWeights() {
        Candidate c = withCreatives(70, 20, 10);
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;

        for (int i = 0; i < n; i++) {
            counts.merge(CreativeSelection.choose(c, "c-" + i, "rec-" + i).creative().id(), 1, Integer::sum);
        }

        assertThat(counts.get("cr0") / (double) n).isCloseTo(0.7, within(0.02));
        assertThat(counts.get("cr1") / (double) n).isCloseTo(0.2, within(0.02));
        assertThat(counts.get("cr2") / (double) n).isCloseTo(0.1, within(0.02));
    }

    @Test
    void zeroWeightCreativeIsNeverChosenUnlessAllAreZero() {
        Candidate someZero = withCreatives(0, 100);
        Candidate allZero = withCreatives(0, 0);
        Map<String, Integer> allZeroCounts = new HashMap<>();

        for (int i = 0; i < 1000; i++) {
            assertThat(CreativeSelection.choose(someZero, "c-" + i, "r").creative().id()).isEqualTo("cr1");
            allZeroCounts.merge(CreativeSelection.choose(allZero, "c-" + i, "r").creative().id(), 1, Integer::sum);
        }
        assertThat(allZeroCounts).containsOnlyKeys("cr0", "cr1");
    }
}
