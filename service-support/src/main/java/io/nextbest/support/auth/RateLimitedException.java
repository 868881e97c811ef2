package io.nextbest.support.auth;

/** The key used up its request budget; both APIs answer 429 with these numbers as headers. */
public class RateLimitedException extends RuntimeException {

    private final long limit;
    private final long retryAfterSeconds;

    RateLimitedException(long limit, long retryAfterSeconds) {
        super("Rate limit exceeded, retry after " + retryAfterSeconds + " s");
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
