package io.nextbest.model.event;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded respond call as it sits on {@code outcomes}, with the decisioning API's field
 * names. Offer, creative and channel are already resolved (from the recommendation or the
 * creative), and {@code interactionId} is derived from tenant + idempotency key, so a retried
 * call produces an identical record that the Streams app drops.
 */
public record Outcome(
        UUID interactionId,
        TenantId tenantId,
        String customerId,
        String recommendationId,
        Integer rank,
        String offerId,
        String offerName,
        String categoryId,
        String creativeId,
        String channelId,
        String placementId,
        String outcome,
        Classification classification,
        OutcomeCategory category,
        Direction direction,
        String idempotencyKey,
        BigDecimal conversionValue,
        Map<String, Object> context,
        Map<String, Object> outcomeDetails,
        Instant timestamp,
        Instant receivedAt) {

    public Outcome {
        if (interactionId == null || tenantId == null) {
            throw new IllegalArgumentException("interactionId and tenantId are required");
        }
        if (customerId == null || customerId.isBlank() || outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("customerId and outcome are required");
        }
    }

    public TenantKey key() {
        return new TenantKey(tenantId, customerId);
    }

    /** This outcome as received at {@code at}; ingest leaves both times empty when the client sent none. */
    public Outcome withReceivedAt(Instant at) {
        return new Outcome(interactionId, tenantId, customerId, recommendationId, rank, offerId, offerName, categoryId,
                creativeId, channelId, placementId, outcome, classification, category, direction, idempotencyKey,
                conversionValue, context, outcomeDetails, timestamp, at);
    }
}
