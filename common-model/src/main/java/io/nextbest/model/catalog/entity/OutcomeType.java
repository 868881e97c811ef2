package io.nextbest.model.catalog.entity;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;

/** A registered outcome; {@code system} marks the ten defaults every tenant has, which cannot change. */
public record OutcomeType(String key, String name, Classification classification, OutcomeCategory category, boolean system) {
}
