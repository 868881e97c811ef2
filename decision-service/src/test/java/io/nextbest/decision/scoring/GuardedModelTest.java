package io.nextbest.decision.scoring;

import static io.nextbest.decision.Fixtures.candidate;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedModelTest {

    private final Candidate candidate = candidate(offer("o1").build());
    private final DecisionContext context = context().build();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean(true);
    private final GuardedModel model = new GuardedModel("m", (c, ctx) -> {
        calls.incrementAndGet();
        if (failing.get()) {
            throw new IllegalStateException("model down");
        }
        return 0.7;
    }, clock);

    private void failFiveTimes() {
        for (int i = 0; i < 5; i++) {
            assertThat(model.score(candidate, context)).isEmpty();
        }
    }

    @Test
    void healthyModelAnswers() {
        failing.set(false);

        assertThat(model.score(candidate, context)).hasValue(0.7);
        assertThat(model.state()).isEqualTo("CLOSED");
    }

    @Test
    void fourFailuresKeepTheCircuitClosed() {
        for (int i = 0; i < 4; i++) {
            model.score(candidate, context);
        }

        assertThat(model.state()).isEqualTo("CLOSED");
    }

    @Test
    void fiveConsecutiveFailuresOpenTheCircuitAndStopCallingTheModel() {
        failFiveTimes();

        assertThat(model.state()).isEqualTo("OPEN");
        assertThat(model.score(candidate, context)).isEmpty();
        assertThat(calls).hasValue(5);
    }

    @Test
    void afterSixtySecondsOneSuccessfulProbeClosesTheCircuit() {
        failFiveTimes();
        clock.advance(Duration.ofSeconds(59));
        assertThat(model.score(candidate, context)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        failing.set(false);

        assertThat(model.score(candidate, context)).hasValue(0.7);
        assertThat(model.state()).isEqualTo("CLOSED");
    }

    @Test
    void aFailedProbeReopensTheCircuit() {
        failFiveTimes();
        clock.advance(Duration.ofSeconds(61));

        assertThat(model.score(candidate, context)).isEmpty();
        assertThat(model.state()).isEqualTo("OPEN");
        assertThat(calls).hasValue(6);
    }

    @Test
    void scoreOutsideTheUnitIntervalCountsAsAFailure() {
        GuardedModel broken = new GuardedModel("b", (c, ctx) -> 1.5, clock);

        assertThat(broken.score(candidate, context)).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
