package io.nextbest.decision.prediction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The prediction endpoints' meters: one latency timer per endpoint ({@code endpoint} =
 * {@code model} / {@code experiment}), predictions served by strategy, and requests refused by
 * reason (the reason tags of {@link PredictionRejection}, plus {@code unauthorized},
 * {@code rate_limited}, {@code unavailable} and {@code internal_error}).
 */
@Component
class PredictionMetrics {

    static final String LATENCY = "nextbest.decision.prediction.latency";
    static final String SERVED = "nextbest.decision.predictions";
    static final String REJECTED = "nextbest.decision.predictions.rejected";

    private final MeterRegistry meters;

    PredictionMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (PredictionBody.Endpoint endpoint : PredictionBody.Endpoint.values()) {
            latency(endpoint.tag());
        }
    }

    Timer.Sample start() {
        return Timer.start(meters);
    }

    void stop(Timer.Sample sample, PredictionBody.Endpoint endpoint) {
        sample.stop(latency(endpoint.tag()));
    }

    void served(PredictionBody.Endpoint endpoint, String strategy) {
        Counter.builder(SERVED).description("Predictions answered, by endpoint and strategy")
                .tag("endpoint", endpoint.tag()).tag("strategy", strategy).register(meters).increment();
    }

    void rejected(String endpoint, String reason) {
        Counter.builder(REJECTED).description("Prediction requests refused or failed, by endpoint and reason")
                .tag("endpoint", endpoint).tag("reason", reason).register(meters).increment();
    }

    private Timer latency(String endpoint) {
        return Timer.builder(LATENCY).description("Time to answer a prediction request, from reading the body to the answer")
                .tag("endpoint", endpoint).publishPercentileHistogram().register(meters);
    }
}
