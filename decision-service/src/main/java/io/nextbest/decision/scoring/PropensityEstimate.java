package io.nextbest.decision.scoring;

/**
 * A propensity with where it came from: {@code offer} (≥ 50 outcomes), {@code offer_blended}
 * (1–49 offer outcomes shrunk towards the prior), {@code category}, {@code global}, {@code model}
 * or {@code default}.
 */
public record PropensityEstimate(double value, String source, long evidence) {
}
