package io.nextbest.decision.pipeline;

import io.nextbest.decision.experiment.VariantAssignment;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * What one run of the pipeline produced: the ranked decisions, the funnel counts, whether any
 * score fell back because a model was unavailable, the experiment variant (null when the flow has
 * no active experiment), every catalog offer's score or drop stage and reason (empty when decided
 * without a trace), and the personalization notes (omitted fields, empty tokens).
 */
public record DecisionOutcome(
        List<Decision> decisions,
        Funnel funnel,
        boolean degradedScoring,
        VariantAssignment variant,
        String scoringMethod,
        List<ScoredCandidate> trace,
        List<String> notes) {

    public DecisionOutcome {
        decisions = List.copyOf(decisions);
        trace = List.copyOf(trace);
        notes = List.copyOf(notes);
    }

    public boolean controlGroup() {
        return variant != null && variant.controlGroup();
    }

    /** The record for the {@code decisions} topic: what was returned, without the per-candidate trace. */
    public DecisionRecord toRecord(String recommendationId, TenantId tenantId, String customerId, String sessionId,
            String decisionFlowKey, String channel, String placement, Instant timestamp) {
        List<RankedOffer> ranked = decisions.stream().map(d -> new RankedOffer(d.rank(), d.offer().id(), d.offer().name(),
                d.offer().categoryId(), d.creative().id(), d.channel().id(), d.creative().placementKey() != null
                        ? d.creative().placementKey() : placement, d.score(), d.offer().mandatory())).toList();
        ExperimentAssignment experiment = variant == null ? null
                : new ExperimentAssignment(variant.experimentKey(), variant.variant(), variant.controlGroup());
        return new DecisionRecord(recommendationId, tenantId, customerId, sessionId, decisionFlowKey, channel, placement,
                experiment, degradedScoring, funnel, ranked, timestamp);
    }

    /** The per-candidate trace for the {@code decision-traces} topic, beside the record of {@link #toRecord}. */
    public DecisionTrace toTrace(String recommendationId, TenantId tenantId, String customerId, String decisionFlowKey,
            String placement, Instant timestamp) {
        return new DecisionTrace(recommendationId, tenantId, customerId, decisionFlowKey, placement, funnel, trace, timestamp);
    }
}
