package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.bucket.Bucketing;
import io.nextbest.model.catalog.entity.Experiment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExperimentGroupsTest {

    private static final Experiment EXPERIMENT = new Experiment("exp-1", "recs-test", "Recs", "personalization", true, 0,
            List.of(new Experiment.Variant("popular", 0.5, null, "m-popular"),
                    new Experiment.Variant("personalized", 0.3, null, "m-personal"),
                    new Experiment.Variant("holdout", 0.2, null, null)));

    @Test
    void aSessionAlwaysLandsInTheSameGroup() {
        for (int i = 0; i < 100; i++) {
            String sid = "s-" + i;
            assertThat(ExperimentGroups.groupOf(EXPERIMENT, sid)).isEqualTo(ExperimentGroups.groupOf(EXPERIMENT, sid));
        }
    }

    @Test
    void theGroupIsGrowthBooksVariationForTheExperimentKeyAndSessionId() {
        for (String sid : List.of("s-1", "s-2", "abc", "session-42")) {
            int expected = Bucketing.chooseVariation(Bucketing.hash("recs-test", sid, 2), Bucketing.bucketRanges(3, 1.0, List.of(0.5, 0.3, 0.2)));
            assertThat(ExperimentGroups.groupOf(EXPERIMENT, sid)).contains(EXPERIMENT.variants().get(expected));
        }
    }

    @Test
    void sessionsSplitByTheGroupsShares() {
        Map<String, Integer> counts = new HashMap<>();
        IntStream.range(0, 20_000).forEach(i -> counts.merge(ExperimentGroups.groupOf(EXPERIMENT, "sid-" + i).orElseThrow().name(), 1, Integer::sum));

        assertThat(counts.get("popular") / 20_000.0).isBetween(0.48, 0.52);
        assertThat(counts.get("personalized") / 20_000.0).isBetween(0.28, 0.32);
        assertThat(counts.get("holdout") / 20_000.0).isBetween(0.18, 0.22);
    }

    @Test
    void anExperimentWithoutGroupsHasNoGroup() {
        Experiment empty = new Experiment("e", "k", "n", "personalization", true, 0, List.of());
        assertThat(ExperimentGroups.groupOf(empty, "s-1")).isEmpty();
    }
}
