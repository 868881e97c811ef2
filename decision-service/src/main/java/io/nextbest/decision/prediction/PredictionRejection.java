package io.nextbest.decision.prediction;

import org.springframework.http.HttpStatus;

/**
 * A prediction request refused with the personalization API's {@code {"status":"fail","message"}}:
 * the HTTP status (ours, README "Predictions"), the exact message and a reason tag for the
 * rejected-requests metric.
 */
class PredictionRejection extends RuntimeException {

    static final String MISSING_FIELDS = "One or more required fields are missing!";
    static final String ITEMS_OR_TYPE = "At least one of the following fields must be provided: [items, type]";
    static final String NOT_DEPLOYED = "This model is not deployed!";
    static final String NO_ENDPOINT = "No endpoint is currently deployed for this model";
    static final String NOT_ACTIVE = "The experiment is not active!";
    static final String NO_ITEMS_FOR_SIMILARITY = "No items requested to get similarities for!";

    private final HttpStatus status;
    private final String reason;

    private PredictionRejection(HttpStatus status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    static PredictionRejection malformed(String message) {
        return new PredictionRejection(HttpStatus.BAD_REQUEST, "malformed", message);
    }

    static PredictionRejection missingFields() {
        return new PredictionRejection(HttpStatus.BAD_REQUEST, "missing_field", MISSING_FIELDS);
    }

    static PredictionRejection wrongType(String field, String expectedType) {
        return new PredictionRejection(HttpStatus.BAD_REQUEST, "wrong_type", "Type of required field \"" + field + "\" is not " + expectedType);
    }

    static PredictionRejection tooLong(String field, int max) {
        return new PredictionRejection(HttpStatus.UNPROCESSABLE_CONTENT, "string_too_long",
                "Field \"" + field + "\" is longer than " + max + " characters");
    }

    static PredictionRejection itemsOrType() {
        return new PredictionRejection(HttpStatus.BAD_REQUEST, "no_items_or_type", ITEMS_OR_TYPE);
    }

    static PredictionRejection tooLarge(String message) {
        return new PredictionRejection(HttpStatus.CONTENT_TOO_LARGE, "too_large", message);
    }

    static PredictionRejection unknownModel(String modelId) {
        return new PredictionRejection(HttpStatus.NOT_FOUND, "unknown_model", "Model not found: " + modelId);
    }

    static PredictionRejection notDeployed() {
        return new PredictionRejection(HttpStatus.CONFLICT, "not_deployed", NOT_DEPLOYED);
    }

    static PredictionRejection noEndpoint() {
        return new PredictionRejection(HttpStatus.SERVICE_UNAVAILABLE, "no_endpoint", NO_ENDPOINT);
    }

    static PredictionRejection unknownExperiment(String experimentId) {
        return new PredictionRejection(HttpStatus.NOT_FOUND, "unknown_experiment", "Experiment not found: " + experimentId);
    }

    static PredictionRejection notActive() {
        return new PredictionRejection(HttpStatus.CONFLICT, "not_active", NOT_ACTIVE);
    }

    static PredictionRejection noItemsForSimilarity() {
        return new PredictionRejection(HttpStatus.UNPROCESSABLE_CONTENT, "no_items_for_similarity", NO_ITEMS_FOR_SIMILARITY);
    }
}
