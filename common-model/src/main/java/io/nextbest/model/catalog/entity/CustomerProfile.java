package io.nextbest.model.catalog.entity;

import java.util.List;
import java.util.Map;

/** What the platform knows about a decisioning customer: attributes ({@code customer.*} in formulas) and segments. */
public record CustomerProfile(String id, Map<String, Object> attributes, List<String> segments) {
}
