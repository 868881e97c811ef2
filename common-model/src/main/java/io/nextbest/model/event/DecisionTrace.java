package io.nextbest.model.event;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Instant;
import java.util.List;

/**
 * The audit trace of one recommendation (one placement of it) on {@code decision-traces}: every
 * catalog offer's score, or the stage and reason it was dropped, so an analyst can explain a
 * decision afterwards. It shares the recommendation id, key and timestamp of its
 * {@link DecisionRecord} on {@code decisions}, which carries what the platform itself reads; no
 * service consumes this topic, and only a configured share of recommendations is traced.
 */
public record DecisionTrace(
        String recommendationId,
        TenantId tenantId,
        String customerId,
        String decisionFlowKey,
        String placement,
        Funnel funnel,
        List<ScoredCandidate> candidates,
        Instant timestamp) {

    public DecisionTrace {
        if (recommendationId == null || recommendationId.isBlank() || tenantId == null) {
            throw new IllegalArgumentException("recommendationId and tenantId are required");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is required");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public TenantKey key() {
        return new TenantKey(tenantId, customerId);
    }
}
