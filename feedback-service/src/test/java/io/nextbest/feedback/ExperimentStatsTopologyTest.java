package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.answering;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static io.nextbest.feedback.FeedbackFixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExperimentStatsTopologyTest {

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void anOutcomeCountsForTheVariantOfTheDecisionItNames() {
        feedback.pipe(decision("rec-a", "alice", "exp", "treatment", false, T0));
        feedback.pipe(decision("rec-b", "alice", "exp", "control", true, T0.plusSeconds(10)));
        feedback.pipe(answering("rec-a", coffeeOutcome("k1", "o-1", "click", T0.plusSeconds(20))));

        assertThat(variant("treatment")).isEqualTo(new ExperimentStats("exp", "treatment", false, 1,
                io.nextbest.model.stats.OutcomeCounts.EMPTY.plus("click", io.nextbest.model.event.Classification.POSITIVE,
                        io.nextbest.model.event.OutcomeCategory.RESPONSE), T0.plusSeconds(20)));
        assertThat(variant("control").outcomes().total()).isZero();
        assertThat(variant("control").controlGroup()).isTrue();
    }

    @Test
    void anOutcomeWithAnUnknownRecommendationFallsBackToTheCustomersLatestDecision() {
        feedback.pipe(decision("rec-a", "alice", "exp", "treatment", false, T0));
        feedback.pipe(decision("rec-b", "alice", "exp", "control", true, T0.plusSeconds(10)));
        feedback.pipe(answering("rec-unknown", coffeeOutcome("k1", "o-1", "click", T0.plusSeconds(20))));

        assertThat(variant("control").outcomes().clicks()).isEqualTo(1);
        assertThat(variant("treatment").outcomes().clicks()).isZero();
    }

    @Test
    void holdoutDecisionsAreCountedAsExposures() {
        feedback.pipe(decision("rec-a", "alice", "exp", "control", true, T0));
        feedback.pipe(decision("rec-b", "bob", "exp", "control", true, T0));

        assertThat(variant("control").decisions()).isEqualTo(2);
        assertThat(feedback.latest(Topics.EXPERIMENT_STATS)).containsKey(ExperimentStats.key(COFFEE, "exp", "control"));
    }

    @Test
    void anOutcomeOutsideTheAttributionWindowIsNotAttributed() {
        feedback.pipe(decision("rec-a", "alice", "exp", "treatment", false, T0));
        feedback.pipe(answering("rec-a", coffeeOutcome("k1", "o-1", "click", T0.plus(Duration.ofDays(8)))));

        assertThat(variant("treatment").outcomes().total()).isZero();
    }

    @Test
    void anOutcomeBeforeAnyDecisionOfItsCustomerIsNotAttributed() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "click", T0));
        feedback.pipe(decision("rec-1", "alice", "exp", "treatment", false, T0.plusSeconds(1)));

        assertThat(variant("treatment").outcomes().total()).isZero();
        assertThat(variant("treatment").decisions()).isEqualTo(1);
    }

    @Test
    void decisionsWithoutAnExperimentAreNotCounted() {
        feedback.pipe(decision("rec-a", "alice", null, null, false, T0));
        feedback.pipe(answering("rec-a", coffeeOutcome("k1", "o-1", "click", T0.plusSeconds(1))));

        assertThat(feedback.latest(Topics.EXPERIMENT_STATS)).isEmpty();
    }

    private ExperimentStats variant(String variant) {
        return feedback.stored(FeedbackTopology.EXPERIMENT_STATS_STORE, ExperimentStats.key(COFFEE, "exp", variant));
    }
}
