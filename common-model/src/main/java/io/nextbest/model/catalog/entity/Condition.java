package io.nextbest.model.catalog.entity;

/**
 * One attribute test: {@code attribute operator value}, operators {@code eq, neq, gt, gte, lt,
 * lte, in, not_in, contains, not_contains, exists, not_exists}. A missing attribute passes unless
 * the operator is {@code exists}.
 */
public record Condition(String attribute, String operator, Object value) {
}
