package io.nextbest.model.catalog.entity;

import java.util.List;
import java.util.Map;

/**
 * A per-customer contact policy, evaluated in priority order (highest first).
 *
 * @param ruleType {@code frequency_cap}, {@code cooldown}, {@code outcome_based}, {@code segment_exclusion},
 *                 {@code cross_channel_cap}, {@code category_suppression}, {@code mutual_exclusion} or {@code allow_override}
 */
public record ContactPolicy(
        String id,
        String name,
        String ruleType,
        List<Scope> scopes,
        int priority,
        String status,
        Map<String, Object> config) {

    /** @param scope {@code global}, {@code offer}, {@code creative}, {@code channel} or {@code category} */
    public record Scope(String scope, String scopeId) {
    }
}
