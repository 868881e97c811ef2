package io.nextbest.feedback;

import io.nextbest.model.stats.UserRecentItems;
import java.util.List;

/**
 * What one tracker event changed for its user: the user's recent items after it, and the item
 * pairs it made co-occur (each pair in both directions).
 */
public record UserItemsUpdate(UserRecentItems recent, List<ItemPair> pairs) {

    public UserItemsUpdate {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** {@code neighbourId} was touched by the same user within the co-occurrence window of {@code itemId}. */
    public record ItemPair(String itemId, String neighbourId, double weight) {
    }
}
