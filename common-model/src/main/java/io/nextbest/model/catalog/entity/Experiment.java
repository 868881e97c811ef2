package io.nextbest.model.catalog.entity;

import java.util.List;

/**
 * An experiment. {@code champion_challenger}: variants are scoring methods of a decision flow,
 * customers bucketed by customer id, {@code holdoutPercent} of them get priority-only ranking.
 * {@code personalization}: variants are groups with a model each (or none), sessions bucketed by
 * {@code sid}. Shares of the variants add up to 1.
 */
public record Experiment(
        String id,
        String key,
        String name,
        String kind,
        boolean active,
        double holdoutPercent,
        List<Variant> variants) {

    /** @param scoringMethod for champion/challenger; @param modelId for personalization, null = no model */
    public record Variant(String name, double share, String scoringMethod, String modelId) {
    }
}
