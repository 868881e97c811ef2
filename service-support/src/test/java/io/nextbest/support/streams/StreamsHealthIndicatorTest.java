package io.nextbest.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthIndicatorTest {

    private final StreamsAppStates states = new StreamsAppStates();
    private final StreamsHealthIndicator readiness = StreamsHealthIndicator.readiness(states);
    private final StreamsHealthIndicator liveness = StreamsHealthIndicator.liveness(states);

    @Test
    void notReadyUntilEveryAppHasReachedRunning() {
        states.register("a");
        states.register("b");
        states.record("a", State.REBALANCING);
        states.record("a", State.RUNNING);
        states.record("b", State.REBALANCING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);

        states.record("b", State.RUNNING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.health(true).getDetails()).containsEntry("a", "RUNNING").containsEntry("b", "RUNNING");
    }

    @Test
    void aRebalanceAfterRestoringKeepsReadinessUp() {
        states.register("a");
        states.record("a", State.RUNNING);
        states.record("a", State.REBALANCING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFirstRebalanceIsNotReady() {
        states.register("a");
        states.record("a", State.REBALANCING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void anAppStoppedAndStartedAgainIsNotReadyUntilItRunsAgain() {
        states.register("a");
        states.record("a", State.RUNNING);
        states.record("a", State.PENDING_SHUTDOWN);
        states.record("a", State.NOT_RUNNING);
        states.record("a", State.REBALANCING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);

        states.record("a", State.RUNNING);

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void livenessIsDownOnlyWhenAnAppDied() {
        states.register("a");
        states.record("a", State.REBALANCING);
        assertThat(liveness.health(true).getStatus()).isEqualTo(Status.UP);

        states.record("a", State.ERROR);

        assertThat(liveness.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}
