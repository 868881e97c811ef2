package io.nextbest.ingest.system;

import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.publish.DurablePublisher;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ingest-service's settings: request limits, credit price, broker wait, rate limits, the recent
 * decisions kept per customer and interactive-query behaviour. Every default lives in
 * {@code config/nextbest-ingest.yaml}.
 */
@ConfigurationProperties("nextbest.ingest")
public record IngestProperties(Limits limits, Credit credit, DurablePublisher.Settings broker, RateLimits.Settings rateLimit,
                               Decisions decisions, Query query) {

    /** Size limits on every request: body bytes, events per batch, characters per string. */
    public record Limits(int maxBodyBytes, int maxEventsPerBatch, int maxStringLength) {
    }

    /** What one accepted tracker event costs the project. */
    public record Credit(long unitsPerEvent) {
    }

    /**
     * The bounded per-customer history respond resolves recommendationId + rank against, and how
     * the read-model app's main consumer fetches {@code decisions}: a fetch answers once
     * {@code fetchMinBytes} are there or {@code fetchMaxWait} has passed, so under load one fetch
     * carries many records instead of each record its own round trip.
     */
    public record Decisions(int perCustomer, Duration fetchMaxWait, DataSize fetchMinBytes) {
    }

    /** Interactive queries of the partitioned recent-decisions store. */
    public record Query(String advertisedHost, int notReadyAttempts, Duration notReadyBackoff, Duration forwardTimeout) {
    }
}
