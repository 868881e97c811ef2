package io.nextbest.ingest.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ingest-service's settings: request limits, credit price, broker wait, rate limits, the recent
 * decisions kept per customer and interactive-query behaviour. Every default lives in
 * {@code config/nextbest-ingest.yaml}.
 */
@ConfigurationProperties("nextbest.ingest")
public record IngestProperties(Limits limits, Credit credit, Broker broker, RateLimit rateLimit,
                               Decisions decisions, Query query) {

    /** Size limits on every request: body bytes, events per batch, characters per string. */
    public record Limits(int maxBodyBytes, int maxEventsPerBatch, int maxStringLength) {
    }

    /** What one accepted tracker event costs the project. */
    public record Credit(long unitsPerEvent) {
    }

    /** How long a request waits for the broker, and what a 503 tells the client to wait. */
    public record Broker(Duration ackTimeout, Duration retryAfter) {
    }

    /** One token bucket per API key. */
    public record RateLimit(long capacity, long refillTokens, Duration refillPeriod) {
    }

    /** The bounded per-customer history respond resolves recommendationId + rank against. */
    public record Decisions(int perCustomer) {
    }

    /** Interactive queries of the partitioned recent-decisions store. */
    public record Query(String advertisedHost, int notReadyAttempts, Duration notReadyBackoff, Duration forwardTimeout) {
    }
}
