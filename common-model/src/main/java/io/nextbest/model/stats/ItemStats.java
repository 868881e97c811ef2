package io.nextbest.model.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One item's popularity on {@code item-stats}, keyed {@code project:itemId}: per tracker event type
 * (wire names: {@code view_item}, {@code add_to_cart}, {@code purchase}...) the raw count and the
 * decayed count, plus {@code score}, the decayed sum of all events weighted by type — the input of
 * "popular" predictions. Its size is bounded by the number of event types.
 */
public record ItemStats(Map<String, Long> counts, Map<String, DecayedScore> decayed, DecayedScore score) {

    public static final ItemStats EMPTY = new ItemStats(Map.of(), Map.of(), DecayedScore.ZERO);

    public ItemStats {
        counts = counts == null ? Map.of() : new TreeMap<>(counts);
        decayed = decayed == null ? Map.of() : new TreeMap<>(decayed);
        score = score == null ? DecayedScore.ZERO : score;
    }

    public ItemStats plus(String eventType, double weight, Instant at, Duration halfLife) {
        Map<String, Long> newCounts = new TreeMap<>(counts);
        newCounts.merge(eventType, 1L, Long::sum);
        Map<String, DecayedScore> newDecayed = new TreeMap<>(decayed);
        newDecayed.put(eventType, newDecayed.getOrDefault(eventType, DecayedScore.ZERO).plus(1, at, halfLife));
        return new ItemStats(newCounts, newDecayed, score.plus(weight, at, halfLife));
    }
}
