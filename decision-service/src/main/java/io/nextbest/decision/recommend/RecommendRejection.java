package io.nextbest.decision.recommend;

import org.springframework.http.HttpStatus;

/**
 * A recommend call refused with the decisioning API's error body: 422 for a body that is not a
 * valid request (the message names the field), 404 for an unknown customer or no active decision
 * flow, as the seed documents.
 */
class RecommendRejection extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private RecommendRejection(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static RecommendRejection invalid(String message) {
        return new RecommendRejection(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_ERROR", message);
    }

    static RecommendRejection notFound(String message) {
        return new RecommendRejection(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
