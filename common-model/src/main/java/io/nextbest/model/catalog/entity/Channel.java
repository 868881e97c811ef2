package io.nextbest.model.catalog.entity;

import java.util.List;

/**
 * A delivery channel and its placements.
 *
 * @param type           {@code email}, {@code sms}, {@code web}, {@code push}, {@code mobile}, {@code in_app}…
 * @param impressionMode {@code explicit} (the client reports impressions) or {@code implicit}
 *                       (recommend records them)
 */
public record Channel(String id, String name, String type, String status, String impressionMode, List<Placement> placements) {
}
