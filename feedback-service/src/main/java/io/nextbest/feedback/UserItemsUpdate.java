package io.nextbest.feedback;

import io.nextbest.model.stats.UserRecentItems;
import java.util.List;

/**
 * What one tracker event changed for its user: the user's recent items after it, and the item
 * pairs it made co-occur (each pair in both directions), folded per item.
 */
public record UserItemsUpdate(UserRecentItems recent, List<ItemPairs> pairs) {

    public UserItemsUpdate {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /**
     * Each of {@code neighbourIds} was touched by the same user within the co-occurrence window of
     * {@code itemId}, and adds {@code weight} to it. One event's pairs of one item travel as one
     * record, so the item's neighbour list is read and rewritten once per event instead of once per pair.
     */
    public record ItemPairs(String itemId, List<String> neighbourIds, double weight) {

        public ItemPairs {
            neighbourIds = List.copyOf(neighbourIds);
        }
    }
}
