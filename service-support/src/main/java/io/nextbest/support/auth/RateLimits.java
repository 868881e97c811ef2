package io.nextbest.support.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-API-key request budgets as Bucket4j token buckets held in this instance. Buckets exist only
 * for keys that authenticated, so the map is bounded by the number of issued keys. With several
 * instances each enforces its own budget (documented in README).
 */
public class RateLimits {

    private final Settings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Settings settings) {
        this.settings = settings;
    }

    /** Takes one token from the key's bucket: the remaining budget, or {@link RateLimitedException}. */
    public Remaining consume(AuthenticatedKey key) {
        Bucket bucket = buckets.computeIfAbsent(key.tenant().value() + ':' + key.keyId(), id -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new RateLimitedException(settings.capacity(), seconds);
        }
        return new Remaining(settings.capacity(), probe.getRemainingTokens());
    }

    /** One token bucket per API key: up to {@code capacity} at once, refilled {@code refillTokens} per {@code refillPeriod}. */
    public record Settings(long capacity, long refillTokens, Duration refillPeriod) {
    }

    /** What the {@code X-RateLimit-Limit} / {@code X-RateLimit-Remaining} headers report. */
    public record Remaining(long limit, long remaining) {
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.capacity()).refillGreedy(settings.refillTokens(), settings.refillPeriod()))
                .build();
    }
}
