package io.nextbest.decision.scoring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PropensityModel} behind a Resilience4j circuit breaker, as the reference's scoring
 * resilience describes: after {@value #FAILURES_TO_OPEN} consecutive failures (a count window of 5
 * with a 100% failure threshold) the circuit opens for 60 s; while open the model is not called
 * and {@link #score} is empty, so the caller falls back and marks the decision degraded. After
 * the wait, one probe call is let through: success closes the circuit, failure reopens it. A
 * score outside [0, 1] or NaN counts as a failure. One instance per model key, shared by requests.
 */
public final class GuardedModel {

    static final int FAILURES_TO_OPEN = 5;
    static final Duration OPEN_FOR = Duration.ofSeconds(60);

    private final PropensityModel model;
    private final CircuitBreaker breaker;

    public GuardedModel(String modelKey, PropensityModel model, Clock clock) {
        this.model = model;
        this.breaker = CircuitBreaker.of("model-" + modelKey, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(FAILURES_TO_OPEN)
                .minimumNumberOfCalls(FAILURES_TO_OPEN)
                .failureRateThreshold(100)
                .waitDurationInOpenState(OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    }

    /** The model's score, or empty when the circuit is open or this call failed. */
    public OptionalDouble score(Candidate candidate, DecisionContext context) {
        if (!breaker.tryAcquirePermission()) {
            return OptionalDouble.empty();
        }
        long start = System.nanoTime();
        try {
            double p = model.score(candidate, context);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalStateException("model score out of [0,1]: " + p);
            }
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return OptionalDouble.of(p);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return OptionalDouble.empty();
        }
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}, for health and tests. */
    public String state() {
        return breaker.getState().name();
    }
}
