package io.nextbest.support.query;

/**
 * A partitioned store could not answer within the bounded retries: the app is restoring or
 * rebalancing, or the owning instance did not answer. Services map it to 503 with Retry-After.
 */
public class StoreNotReadyException extends RuntimeException {

    public StoreNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
