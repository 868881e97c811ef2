package io.nextbest.model.catalog.entity;

import java.util.List;

/**
 * A configured decision pipeline, chosen by {@code key} on recommend or by being the tenant's
 * default. {@code stages} lists the enabled stages in order (qualification, contact_policy,
 * scoring, ranking); {@code experimentKey} names a champion/challenger experiment, if any.
 */
public record DecisionFlow(
        String id,
        String key,
        String name,
        String status,
        boolean isDefault,
        List<String> stages,
        Scoring scoring,
        int limit,
        String experimentKey) {

    /**
     * @param method          {@code priority_weighted}, {@code propensity}, {@code formula} or {@code thompson}
     * @param weights         PRIE weights for {@code formula}: propensity, relevance, impact, emphasis
     * @param smoothingWeight evidence blending weight for {@code propensity} (default 10)
     */
    public record Scoring(String method, PrieWeights weights, Double smoothingWeight) {
    }

    public record PrieWeights(double propensity, double relevance, double impact, double emphasis) {
    }
}
