package io.nextbest.model.stats;

import java.time.Instant;

/** One item a user interacted with: which, how (tracker event type wire name) and when. */
public record RecentItem(String itemId, String eventType, Instant timestamp) {
}
