package io.nextbest.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemNeighboursTest {

    private static final Comparator<Map.Entry<String, Double>> HEAVIEST_FIRST =
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

    @Test
    void plusKeepsTheWeightsAndOrderOfAFullReSort() {
        Random random = new Random(7);
        double[] weights = {1.0, 1.0, 0.5};
        int capacity = 5;
        ItemNeighbours neighbours = ItemNeighbours.EMPTY;
        Map<String, Double> reference = new HashMap<>();
        for (int step = 0; step < 5_000; step++) {
            String id = "i-" + random.nextInt(12);
            double weight = weights[random.nextInt(weights.length)];
            neighbours = neighbours.plus(id, weight, capacity);
            addTheSlowWay(reference, id, weight, capacity);

            List<Map.Entry<String, Double>> expected = new ArrayList<>(reference.entrySet());
            expected.sort(HEAVIEST_FIRST);
            assertThat(new ArrayList<>(neighbours.neighbours().entrySet())).as("step %d", step).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aListOutOfOrderIsSortedAndOneInOrderIsKeptAsGiven() {
        Map<String, Double> unordered = new LinkedHashMap<>();
        unordered.put("b", 1.0);
        unordered.put("c", 3.0);
        unordered.put("a", 1.0);
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("c", 3.0);
        ordered.put("a", 1.0);
        ordered.put("b", 1.0);

        assertThat(new ItemNeighbours(unordered).neighbours().keySet()).containsExactly("c", "a", "b");
        assertThat(new ItemNeighbours(ordered).neighbours()).isSameAs(ordered);
    }

    // The Space-Saving rule as a plain map: add to a known neighbour, else take a free place,
    // else replace the lightest (smallest id among equals), inheriting its weight.
    private static void addTheSlowWay(Map<String, Double> weights, String id, double weight, int capacity) {
        if (weights.containsKey(id) || weights.size() < capacity) {
            weights.merge(id, weight, Double::sum);
            return;
        }
        Map.Entry<String, Double> lightest = weights.entrySet().stream()
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
        weights.remove(lightest.getKey());
        weights.put(id, lightest.getValue() + weight);
    }
}
