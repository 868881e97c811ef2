package io.nextbest.ingest.respond;

import io.nextbest.support.http.ApiRejection;
import org.springframework.http.HttpStatus;

/**
 * A respond call refused with the decisioning API's error body: missing fields are 400 (as the
 * API documents for a missing idempotency key), values of the wrong type or outside what is
 * registered are 422, references to things that do not exist are 404.
 */
class RespondRejection extends ApiRejection {

    private RespondRejection(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    static RespondRejection missing(String message) {
        return new RespondRejection(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }

    static RespondRejection invalid(String message) {
        return new RespondRejection(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", message);
    }

    static RespondRejection notFound(String message) {
        return new RespondRejection(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    static RespondRejection tooLarge(String message) {
        return new RespondRejection(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", message);
    }
}
