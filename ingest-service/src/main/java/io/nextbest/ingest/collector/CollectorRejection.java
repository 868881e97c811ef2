package io.nextbest.ingest.collector;

import org.springframework.http.HttpStatus;

/**
 * The one verdict for a collector request that is refused: the HTTP status, the exact message of
 * the personalization API, and a short reason tag for the rejected-events metric. Nothing of the
 * batch is written when this is thrown.
 */
class CollectorRejection extends RuntimeException {

    static final String MISSING_FIELDS = "One or more required fields are missing!";
    static final String NO_STORE = "Event Dismissed: Tracker does not have a store_id associated with it";
    static final String DOMAIN_NOT_SUPPORTED = "Event Dismissed: Domain Not Supported";
    static final String NO_CREDIT = "Event Dismissed: Please top-up your project credit in order to collect events";

    private final HttpStatus status;
    private final String reason;
    private final int events;

    CollectorRejection(HttpStatus status, String reason, String message) {
        this(status, reason, message, 0);
    }

    private CollectorRejection(HttpStatus status, String reason, String message, int events) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.events = events;
    }

    /** The same verdict, for a batch already parsed into {@code count} events (for the metrics). */
    CollectorRejection forEvents(int count) {
        return new CollectorRejection(status, reason, getMessage(), count);
    }

    int events() {
        return events;
    }

    static CollectorRejection missingFields() {
        return new CollectorRejection(HttpStatus.BAD_REQUEST, "missing_field", MISSING_FIELDS);
    }

    static CollectorRejection wrongType(String field, String expectedType) {
        return new CollectorRejection(HttpStatus.BAD_REQUEST, "wrong_type",
                "Type of required field \"" + field + "\" is not " + expectedType);
    }

    static CollectorRejection malformed(String message) {
        return new CollectorRejection(HttpStatus.BAD_REQUEST, "malformed", message);
    }

    static CollectorRejection tooLong(String field, int max) {
        return new CollectorRejection(HttpStatus.UNPROCESSABLE_CONTENT, "string_too_long",
                "Field \"" + field + "\" is longer than " + max + " characters");
    }

    static CollectorRejection tooLarge(String message) {
        return new CollectorRejection(HttpStatus.CONTENT_TOO_LARGE, "too_large", message);
    }

    static CollectorRejection unknownTracker() {
        return new CollectorRejection(HttpStatus.NOT_FOUND, "unknown_tracker", "Event Dismissed: Tracker not found");
    }

    static CollectorRejection noStore() {
        return new CollectorRejection(HttpStatus.CONFLICT, "no_store", NO_STORE);
    }

    static CollectorRejection domainNotSupported() {
        return new CollectorRejection(HttpStatus.FORBIDDEN, "domain_not_supported", DOMAIN_NOT_SUPPORTED);
    }

    static CollectorRejection noCredit() {
        return new CollectorRejection(HttpStatus.PAYMENT_REQUIRED, "no_credit", NO_CREDIT);
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
