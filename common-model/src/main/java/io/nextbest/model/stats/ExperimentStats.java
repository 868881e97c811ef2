package io.nextbest.model.stats;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Instant;

/**
 * One experiment variant's exposure and response on {@code experiment-stats}: how many decisions
 * were served under it and the outcomes attributed to those decisions, holdout (control group)
 * variants included, so uplift is {@code outcomes / decisions} of a variant against the control.
 * Keyed {@code tenant:<experimentKey>|<variant>} (see {@link #key}).
 */
public record ExperimentStats(
        String experimentKey,
        String variant,
        boolean controlGroup,
        long decisions,
        OutcomeCounts outcomes,
        Instant updatedAt) {

    public static final ExperimentStats EMPTY = new ExperimentStats(null, null, false, 0, OutcomeCounts.EMPTY, null);

    public static TenantKey key(TenantId tenant, String experimentKey, String variant) {
        return new TenantKey(tenant, experimentKey + '|' + variant);
    }

    public ExperimentStats plusDecision(String experimentKey, String variant, boolean controlGroup, Instant at) {
        return new ExperimentStats(experimentKey, variant, controlGroup, decisions + 1, outcomes, latest(at));
    }

    public ExperimentStats plusOutcome(String experimentKey, String variant, boolean controlGroup,
                                       String outcome, Classification classification, OutcomeCategory category, Instant at) {
        return new ExperimentStats(experimentKey, variant, controlGroup, decisions,
                outcomes.plus(outcome, classification, category), latest(at));
    }

    private Instant latest(Instant at) {
        return updatedAt == null || (at != null && at.isAfter(updatedAt)) ? at : updatedAt;
    }
}
