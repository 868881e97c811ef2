package io.nextbest.decision.recommend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The recommend response exactly as the decisioning seed shows it, plus the reference's
 * {@code afterContactPolicy}, the experiment variant and {@code controlGroup} in {@code meta}.
 * A multi-placement request gets {@code placements} (one group per placement, in request order)
 * and {@code decisions} holds all of them in that order; {@code count} counts them all. Without
 * placements (and {@code trace} without {@code debug}) the field is left out, not sent as null.
 */
public record RecommendResponse(
        String recommendationId,
        String customerId,
        int count,
        List<DecisionView> decisions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PlacementGroup> placements,
        Meta meta) {

    public record DecisionView(
            String offerId,
            String offerName,
            String categoryName,
            String channelName,
            String channelId,
            String creativeId,
            double score,
            int rank,
            Map<String, String> content,
            Map<String, Object> personalization,
            Map<String, Object> scoreExplanation) {
    }

    public record PlacementGroup(String placementId, int count, List<DecisionView> decisions) {
    }

    /**
     * @param experimentKey null when the flow has no active experiment
     * @param variant       null when the flow has no active experiment
     * @param trace         only with {@code debug: true}: every candidate's score or drop stage and reason
     */
    public record Meta(
            int totalCandidates,
            int afterQualification,
            int afterContactPolicy,
            int finalCount,
            boolean degradedScoring,
            String experimentKey,
            String variant,
            boolean controlGroup,
            String scoringMethod,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> trace) {
    }
}
