package io.nextbest.support.publish;

import java.time.Duration;

/**
 * A request could not be served right now and may be retried: the broker did not acknowledge in
 * time, or a read model is still loading. Both APIs answer it with 503 and {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
