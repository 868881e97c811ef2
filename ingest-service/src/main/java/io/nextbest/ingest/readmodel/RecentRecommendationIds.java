package io.nextbest.ingest.readmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of a customer's latest recommendations, newest first: the index of the
 * {@code ingest-recent-recommendations} store, which holds each recommendation under its own key.
 * Adding one keeps at most {@code limit} and names the ids that fall out, so their entries can be
 * deleted.
 */
record RecentRecommendationIds(List<String> ids) {

    static final RecentRecommendationIds EMPTY = new RecentRecommendationIds(List.of());

    RecentRecommendationIds {
        ids = List.copyOf(ids);
    }

    /** The index after {@code id} was added in front, and the ids it no longer holds. */
    record Added(RecentRecommendationIds index, List<String> dropped) {
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    Added with(String id, int limit) {
        List<String> next = new ArrayList<>(Math.min(limit, ids.size() + 1));
        next.add(id);
        int kept = Math.min(ids.size(), limit - 1);
        next.addAll(ids.subList(0, kept));
        return new Added(new RecentRecommendationIds(next), ids.subList(kept, ids.size()));
    }
}
