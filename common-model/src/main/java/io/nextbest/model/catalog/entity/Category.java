package io.nextbest.model.catalog.entity;

import java.util.List;

/** A category of offers, or a sub-category when {@code parentId} is set, with the custom fields its offers carry. */
public record Category(String id, String name, String parentId, String description, List<CustomField> customFields) {
}
