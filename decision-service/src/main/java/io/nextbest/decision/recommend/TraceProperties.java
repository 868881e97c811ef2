package io.nextbest.decision.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which recommendations write their per-candidate audit trace to {@code decision-traces}
 * ({@code nextbest.decision.trace.*}); the default lives in {@code config/nextbest-decision.yaml}.
 *
 * @param sampleRate the share of recommendations traced, from 0 (none) to 1 (every one)
 */
@ConfigurationProperties("nextbest.decision.trace")
public record TraceProperties(double sampleRate) {

    public TraceProperties {
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("nextbest.decision.trace.sample-rate must be between 0 and 1, was " + sampleRate);
        }
    }
}
