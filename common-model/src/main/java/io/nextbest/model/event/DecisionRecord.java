package io.nextbest.model.event;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Instant;
import java.util.List;

/**
 * The trace of one recommendation on {@code decisions}: the ranked offers as returned, every
 * candidate's score or drop reason, the funnel counts and the experiment variant. Respond resolves
 * ranks against it, and feedback-service attributes outcomes to its variant.
 */
public record DecisionRecord(
        String recommendationId,
        TenantId tenantId,
        String customerId,
        String sessionId,
        String decisionFlowKey,
        String channel,
        String placement,
        ExperimentAssignment experiment,
        boolean degradedScoring,
        Funnel funnel,
        List<RankedOffer> decisions,
        List<ScoredCandidate> candidates,
        Instant timestamp) {

    public DecisionRecord {
        if (recommendationId == null || recommendationId.isBlank() || tenantId == null) {
            throw new IllegalArgumentException("recommendationId and tenantId are required");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is required");
        }
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public TenantKey key() {
        return new TenantKey(tenantId, customerId);
    }
}
