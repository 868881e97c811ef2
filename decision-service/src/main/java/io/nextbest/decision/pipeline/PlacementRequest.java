package io.nextbest.decision.pipeline;

/** One entry of a multi-placement request; {@code limit} null means the flow's limit. */
public record PlacementRequest(String placementId, Integer limit) {
}
