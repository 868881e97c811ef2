package io.nextbest.decision.prediction;

import io.nextbest.model.stats.ItemStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One project's most popular items, best first: at most {@code poolSize} items by their decayed
 * score at {@code asOf}. Built by {@link Builder} in one pass over the project's {@code item-stats}
 * with a bounded min-heap, so building costs O(items · log poolSize) time and O(poolSize) memory,
 * and a prediction only copies the head of the list.
 */
record PopularItems(List<ScoredItem> items, Instant asOf) {

    static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score).reversed()
            .thenComparing(ScoredItem::itemId);

    PopularItems {
        items = List.copyOf(items);
    }

    static Builder builder(Instant asOf, Duration halfLife, int poolSize) {
        return new Builder(asOf, halfLife, poolSize);
    }

    /** Accumulates items; keeps only the {@code poolSize} best seen so far. */
    static final class Builder {

        private final Instant asOf;
        private final Duration halfLife;
        private final int poolSize;
        // The worst kept item on top, so a better candidate replaces it in O(log n).
        private final PriorityQueue<ScoredItem> heap = new PriorityQueue<>(BEST_FIRST.reversed());

        private Builder(Instant asOf, Duration halfLife, int poolSize) {
            this.asOf = asOf;
            this.halfLife = halfLife;
            this.poolSize = poolSize;
        }

        Builder add(String itemId, ItemStats stats) {
            double score = stats.score().valueAt(asOf, halfLife);
            if (score <= 0) {
                return this;
            }
            ScoredItem item = new ScoredItem(itemId, score);
            if (heap.size() < poolSize) {
                heap.add(item);
            } else if (BEST_FIRST.compare(item, heap.peek()) < 0) {
                heap.poll();
                heap.add(item);
            }
            return this;
        }

        PopularItems build() {
            List<ScoredItem> sorted = new ArrayList<>(heap);
            sorted.sort(BEST_FIRST);
            return new PopularItems(sorted, asOf);
        }
    }
}
