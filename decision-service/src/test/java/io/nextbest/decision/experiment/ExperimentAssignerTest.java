package io.nextbest.decision.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.model.catalog.entity.Experiment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentAssignerTest {

    private static Experiment cardsExperiment(double holdoutPercent) {
        return new Experiment("e1", "cards-q4-uplift", "Cards", "champion_challenger", true, holdoutPercent, List.of(
                new Experiment.Variant("champion", 0.6, "priority_weighted", null),
                new Experiment.Variant("challenger", 0.4, "formula", null)));
    }

    private static Map<String, Integer> tally(Experiment experiment, int customers) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < customers; i++) {
            String variant = ExperimentAssigner.assign(experiment, "customer-" + i).orElseThrow().variant();
            counts.merge(variant, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void assignmentIsDeterministicPerCustomer() {
        Experiment e = cardsExperiment(10);

        for (int i = 0; i < 1000; i++) {
            assertThat(ExperimentAssigner.assign(e, "c-" + i)).isEqualTo(ExperimentAssigner.assign(cardsExperiment(10), "c-" + i));
        }
    }

    @Test
    void sharesOverOneHundredThousandCustomersAreWithinOnePercent() {
        int n = 100_000;
        Map<String, Integer> counts = tally(cardsExperiment(10), n);
        int notHeldOut = n - counts.get(ExperimentAssigner.HOLDOUT);

        assertThat(counts.get(ExperimentAssigner.HOLDOUT) / (double) n).isCloseTo(0.10, within(0.01));
        assertThat(counts.get("champion") / (double) notHeldOut).isCloseTo(0.6, within(0.01));
        assertThat(counts.get("challenger") / (double) notHeldOut).isCloseTo(0.4, within(0.01));
    }

    @Test
    void holdoutGetsPriorityOnlyScoringAsControlGroup() {
        VariantAssignment held = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> ExperimentAssigner.assign(cardsExperiment(50), "c-" + i).orElseThrow())
                .filter(VariantAssignment::controlGroup).findFirst().orElseThrow();

        assertThat(held.variant()).isEqualTo("__holdout__");
        assertThat(held.scoringMethod()).isEqualTo("priority_weighted");
    }

    @Test
    void variantCarriesItsScoringMethod() {
        VariantAssignment challenger = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> ExperimentAssigner.assign(cardsExperiment(0), "c-" + i).orElseThrow())
                .filter(a -> a.variant().equals("challenger")).findFirst().orElseThrow();

        assertThat(challenger.scoringMethod()).isEqualTo("formula");
        assertThat(challenger.controlGroup()).isFalse();
    }

    @Test
    void raisingTheHoldoutNeverMovesAnEnrolledCustomerToAnotherVariant() {
        for (int i = 0; i < 5000; i++) {
            VariantAssignment before = ExperimentAssigner.assign(cardsExperiment(5), "c-" + i).orElseThrow();
            VariantAssignment after = ExperimentAssigner.assign(cardsExperiment(20), "c-" + i).orElseThrow();
            if (!after.controlGroup()) {
                assertThat(after.variant()).isEqualTo(before.variant());
            }
        }
    }

    @Test
    void zeroHoldoutHoldsNobodyOut() {
        assertThat(tally(cardsExperiment(0), 10_000)).doesNotContainKey(ExperimentAssigner.HOLDOUT);
    }

    @Test
    void inactiveOrMissingExperimentAssignsNothing() {
        Experiment paused = new Experiment("e", "k", "n", "champion_challenger", false, 10, List.of());

        assertThat(ExperimentAssigner.assign(paused, "c")).isEmpty();
        assertThat(ExperimentAssigner.assign(null, "c")).isEmpty();
    }

    @Test
    void experimentWithoutVariantsIsAllChampionOutsideTheHoldout() {
        Experiment holdoutOnly = new Experiment("e", "k", "n", "champion_challenger", true, 0, List.of());

        assertThat(ExperimentAssigner.assign(holdoutOnly, "c").orElseThrow().variant()).isEqualTo("__champion__");
    }
}
