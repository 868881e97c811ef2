package io.nextbest.decision.pipeline;

/** The decisions for one placement of a multi-placement request. */
public record PlacementOutcome(String placementId, DecisionOutcome outcome) {
}
