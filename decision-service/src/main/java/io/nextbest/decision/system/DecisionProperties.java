package io.nextbest.decision.system;

import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.publish.DurablePublisher;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * decision-service's settings: the recommend body limit, the broker wait behind a 200, the
 * per-key rate limit and the interactive queries of the partitioned customer-contacts and user-recent-items stores. Every
 * default lives in {@code config/nextbest-decision.yaml}.
 */
@ConfigurationProperties("nextbest.decision")
public record DecisionProperties(Limits limits, DurablePublisher.Settings broker, RateLimits.Settings rateLimit, Query query) {

    /** Size limits on a recommend request. */
    public record Limits(int maxBodyBytes) {
    }

    /**
     * Where this instance is reachable for forwarded lookups of the partitioned stores (with
     * {@code server.port} its {@code application.server}) and how long a lookup waits for a store
     * that is restoring or moving between instances.
     */
    public record Query(String advertisedHost, int notReadyAttempts, Duration notReadyBackoff, Duration forwardTimeout) {
    }
}
