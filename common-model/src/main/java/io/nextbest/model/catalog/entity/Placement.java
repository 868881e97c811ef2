package io.nextbest.model.catalog.entity;

/** A named slot within a channel, e.g. {@code hero_banner}; {@code key} is unique within its channel. */
public record Placement(String key, String name, String slotType, int maxSlots, String status) {
}
