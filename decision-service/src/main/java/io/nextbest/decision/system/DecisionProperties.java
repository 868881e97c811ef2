package io.nextbest.decision.system;

import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.publish.DurablePublisher;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * decision-service's settings: the recommend body limit, the broker wait behind a 200 and the
 * per-key rate limit. Every default lives in {@code config/nextbest-decision.yaml}.
 */
@ConfigurationProperties("nextbest.decision")
public record DecisionProperties(Limits limits, DurablePublisher.Settings broker, RateLimits.Settings rateLimit) {

    /** Size limits on a recommend request. */
    public record Limits(int maxBodyBytes) {
    }
}
