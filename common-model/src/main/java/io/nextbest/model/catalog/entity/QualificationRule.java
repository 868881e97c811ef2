package io.nextbest.model.catalog.entity;

import java.util.Map;

/**
 * A qualification rule. {@code stage} {@code qualification} is a hard gate; {@code fit} multiplies
 * the score by {@code config.fitMultiplier} (0.1–1.0) when it fails.
 *
 * @param ruleType {@code segment_required}, {@code attribute_condition}, {@code propensity_threshold} or {@code recency_check}
 * @param scope    {@code global}, {@code category}, {@code offer}, {@code channel} or {@code segment}, with {@code scopeId}
 */
public record QualificationRule(
        String id,
        String name,
        String stage,
        String ruleType,
        String scope,
        String scopeId,
        int priority,
        String status,
        Map<String, Object> config) {
}
