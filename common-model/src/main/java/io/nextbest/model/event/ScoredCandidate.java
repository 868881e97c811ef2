package io.nextbest.model.event;

/**
 * One candidate offer of a recommendation with how far it got: its score when scored, and the
 * stage and reason when it was dropped, so a decision's funnel can be explained afterwards.
 */
public record ScoredCandidate(String offerId, Double score, String droppedAt, String reason) {
}
