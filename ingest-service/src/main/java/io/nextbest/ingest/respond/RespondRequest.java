package io.nextbest.ingest.respond;

import io.nextbest.model.event.Direction;
import io.nextbest.model.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A decoded respond body (decisioning API §3.2). Either {@code recommendationId + rank} names the
 * outcome's offer (preferred when both forms are sent) or {@code creativeId} (alias
 * {@code treatmentId}) does. {@code outcome} has the alias {@code interactionType}; the
 * idempotency key comes from the body or the {@code Idempotency-Key} header.
 */
record RespondRequest(
        String customerId,
        String recommendationId,
        Integer rank,
        String creativeId,
        String offerId,
        String outcome,
        String idempotencyKey,
        Direction direction,
        Map<String, Object> context,
        Map<String, Object> outcomeDetails,
        Instant timestamp,
        BigDecimal conversionValue) {

    boolean byRecommendation() {
        return recommendationId != null;
    }

    /** Decodes and checks the body; {@link RespondRejection} names the first problem. */
    static RespondRequest decode(byte[] body, String idempotencyHeader, int maxStringLength) {
        JsonNode root = readTree(body);
        if (root == null || !root.isObject()) {
            throw RespondRejection.missing("Request body must be a JSON object");
        }
        Fields fields = new Fields(root, maxStringLength);
        String customerId = fields.string("customerId");
        String outcome = fields.string("outcome") != null ? fields.string("outcome") : fields.string("interactionType");
        String bodyKey = fields.string("idempotencyKey");
        String idempotencyKey = bodyKey != null ? bodyKey : fields.checkLength("Idempotency-Key", blankToNull(idempotencyHeader));
        String recommendationId = fields.string("recommendationId");
        Integer rank = fields.rank();
        String creativeId = fields.string("creativeId") != null ? fields.string("creativeId") : fields.string("treatmentId");
        if (customerId == null) {
            throw RespondRejection.missing("customerId is required");
        }
        if (outcome == null) {
            throw RespondRejection.missing("outcome is required");
        }
        if (idempotencyKey == null) {
            throw RespondRejection.missing("idempotencyKey is required (body field or Idempotency-Key header)");
        }
        if (recommendationId != null && rank == null) {
            throw RespondRejection.missing("rank is required with recommendationId");
        }
        if (recommendationId == null && creativeId == null) {
            throw RespondRejection.missing("Either recommendationId and rank, or creativeId, is required");
        }
        return new RespondRequest(customerId, recommendationId, rank, creativeId, fields.string("offerId"), outcome, idempotencyKey,
                fields.direction(), fields.object("context"), fields.object("outcomeDetails"), fields.timestamp(), fields.conversionValue());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw RespondRejection.missing("Request body is not valid JSON");
        }
    }

    /** Typed reads of optional fields: wrong types are 422 naming the field. */
    private record Fields(JsonNode root, int maxStringLength) {

        String string(String field) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                throw RespondRejection.invalid(field + " must be a string");
            }
            return checkLength(field, blankToNull(value.stringValue()));
        }

        String checkLength(String field, String value) {
            if (value != null && value.length() > maxStringLength) {
                throw RespondRejection.invalid(field + " is longer than " + maxStringLength + " characters");
            }
            return value;
        }

        Integer rank() {
            JsonNode value = present("rank");
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
                throw RespondRejection.invalid("rank must be an integer of at least 1");
            }
            return value.intValue();
        }

        Direction direction() {
            String value = string("direction");
            try {
                return value == null ? null : Direction.fromWire(value);
            } catch (IllegalArgumentException e) {
                throw RespondRejection.invalid("direction must be inbound or outbound");
            }
        }

        Map<String, Object> object(String field) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            if (!value.isObject()) {
                throw RespondRejection.invalid(field + " must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().treeToValue(value, Map.class);
            return map;
        }

        Instant timestamp() {
            String value = string("timestamp");
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw RespondRejection.invalid("timestamp must be an ISO-8601 instant");
            }
        }

        BigDecimal conversionValue() {
            JsonNode value = present("conversionValue");
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                throw RespondRejection.invalid("conversionValue must be a number");
            }
            return value.decimalValue();
        }

        private JsonNode present(String field) {
            JsonNode value = root.get(field);
            return value == null || value.isNull() ? null : value;
        }
    }
}
