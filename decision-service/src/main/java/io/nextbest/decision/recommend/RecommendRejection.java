package io.nextbest.decision.recommend;

import io.nextbest.support.http.ApiRejection;
import org.springframework.http.HttpStatus;

/**
 * A recommend call refused with the decisioning API's error body: 422 for a body that is not a
 * valid request (the message names the field), 404 for an unknown customer or no active decision
 * flow, as the seed documents.
 */
class RecommendRejection extends ApiRejection {

    private RecommendRejection(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    static RecommendRejection invalid(String message) {
        return new RecommendRejection(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_ERROR", message);
    }

    static RecommendRejection notFound(String message) {
        return new RecommendRejection(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }
}
