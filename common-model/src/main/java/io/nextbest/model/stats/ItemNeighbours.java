package io.nextbest.model.stats;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items most often interacted with together with one item, on {@code item-cooccurrence},
 * keyed {@code project:itemId} — the input of "similar items" predictions. {@code neighbours}
 * holds at most {@code capacity} candidates by weight, heaviest first; the decision service
 * reads the first K. When full, a new candidate replaces the lightest one and inherits its weight
 * plus its own (the Space-Saving heuristic), so a steadily co-occurring item climbs in even after
 * the list filled up, while memory stays at {@code capacity} entries per item.
 */
public record ItemNeighbours(Map<String, Double> neighbours) {

    public static final ItemNeighbours EMPTY = new ItemNeighbours(Map.of());

    public ItemNeighbours {
        neighbours = neighbours == null ? Map.of() : sorted(neighbours);
    }

    public ItemNeighbours plus(String neighbour, double weight, int capacity) {
        Map<String, Double> next = new LinkedHashMap<>(neighbours);
        if (next.containsKey(neighbour) || next.size() < capacity) {
            next.merge(neighbour, weight, Double::sum);
        } else {
            Map.Entry<String, Double> lightest = next.entrySet().stream()
                    .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            next.remove(lightest.getKey());
            next.put(neighbour, lightest.getValue() + weight);
        }
        return new ItemNeighbours(next);
    }

    /** The {@code k} heaviest neighbours, heaviest first. */
    public List<String> top(int k) {
        return neighbours.keySet().stream().limit(k).toList();
    }

    private static Map<String, Double> sorted(Map<String, Double> weights) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
