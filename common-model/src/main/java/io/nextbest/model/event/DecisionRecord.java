package io.nextbest.model.event;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Instant;
import java.util.List;

/**
 * One recommendation (one placement of it) on {@code decisions}: the ranked offers as returned,
 * the funnel counts and the experiment variant. Respond resolves ranks against it, and
 * feedback-service attributes outcomes to its variant. Every candidate's score or drop reason is
 * not here: it is the analysts' audit trace, on {@link DecisionTrace} ({@code decision-traces}),
 * because this record is written, stored and read twice on every recommend. Records written
 * before the split carry a {@code candidates} array, which readers ignore as an unknown field.
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
        Instant timestamp) {

    public DecisionRecord {
        if (recommendationId == null || recommendationId.isBlank() || tenantId == null) {
            throw new IllegalArgumentException("recommendationId and tenantId are required");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is required");
        }
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public TenantKey key() {
        return new TenantKey(tenantId, customerId);
    }
}
