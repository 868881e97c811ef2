package io.nextbest.model.catalog.entity;

import java.util.Map;

/**
 * The content of one offer on one channel and placement. {@code content} values are templates
 * with {@code {{token}}} personalization tokens; {@code weight} (0–100) splits traffic between
 * creatives of the same offer, channel and placement.
 */
public record Creative(
        String id,
        String offerId,
        String channelId,
        String placementKey,
        String name,
        int weight,
        String status,
        Map<String, String> content) {
}
