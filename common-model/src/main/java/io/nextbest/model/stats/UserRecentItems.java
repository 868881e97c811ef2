package io.nextbest.model.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A user's most recent item interactions on {@code user-recent-items}, newest first, keyed
 * {@code project:userId} (the logged-in id when known, else the anonymous one) — the input of
 * "personalized" predictions. At most {@code max} entries; one item appears once, at its latest
 * interaction.
 */
public record UserRecentItems(List<RecentItem> items) {

    public static final UserRecentItems EMPTY = new UserRecentItems(List.of());

    private static final Comparator<RecentItem> NEWEST_FIRST = Comparator.comparing(RecentItem::timestamp).reversed();

    public UserRecentItems {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public UserRecentItems plus(RecentItem item, int max) {
        List<RecentItem> all = new ArrayList<>(items.size() + 1);
        boolean newer = true;
        for (RecentItem existing : items) {
            if (existing.itemId().equals(item.itemId())) {
                newer = item.timestamp().isAfter(existing.timestamp());
                if (!newer) {
                    all.add(existing);
                }
            } else {
                all.add(existing);
            }
        }
        if (newer) {
            all.add(item);
        }
        all.sort(NEWEST_FIRST);
        return new UserRecentItems(all.size() > max ? all.subList(0, max) : all);
    }
}
