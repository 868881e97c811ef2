package io.nextbest.model.catalog.entity;

/** A business-wide delivery cap: at most {@code maxVolume} impressions per {@code period} (daily/weekly/monthly) for one offer, category or channel. */
public record VolumeCap(String id, String name, String scope, String scopeId, long maxVolume, String period, boolean enabled) {
}
