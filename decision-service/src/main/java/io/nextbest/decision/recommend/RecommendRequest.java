package io.nextbest.decision.recommend;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/recommend}, every field of the decisioning API reference §2.2.
 * {@code blueprintKey} is the legacy alias of {@code decisionFlowKey}.
 */
public record RecommendRequest(
        String customerId,
        Integer limit,
        String channel,
        String channelId,
        String placement,
        List<PlacementSpec> placements,
        Boolean deduplicate,
        List<String> segments,
        Map<String, Object> attributes,
        Map<String, Object> context,
        String sessionId,
        String locale,
        String currency,
        List<String> excludeOffers,
        List<String> excludeCreatives,
        String decisionFlowKey,
        String blueprintKey,
        Boolean debug) {

    /** One entry of a multi-placement request. */
    public record PlacementSpec(String placementId, Integer limit) {
    }

    public String flowKey() {
        return decisionFlowKey != null ? decisionFlowKey : blueprintKey;
    }

    public boolean anonymous() {
        return customerId == null || customerId.isBlank() || "anonymous".equals(customerId);
    }
}
