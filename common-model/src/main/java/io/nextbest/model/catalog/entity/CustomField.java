package io.nextbest.model.catalog.entity;

/**
 * A custom field a category defines for its offers. With a {@code formula} it is computed per
 * customer at decision time (e.g. {@code 19.99 - customer.loyalty_score * 0.05}).
 *
 * @param type {@code number}, {@code decimal}, {@code string} or {@code boolean}
 */
public record CustomField(String key, String label, String type, boolean required, String formula) {
}
