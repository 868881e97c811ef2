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

    // plusAll works through a batch on one working copy of the list; each batch must give exactly
    // what adding its neighbours one at a time gives, replacements of full lists and repeated ids included.
    @Test
    void plusAllGivesWhatPlusGivesOneNeighbourAtATime() {
        Random random = new Random(11);
        double[] weights = {1.0, 1.0, 0.5};
        for (int trial = 0; trial < 3_000; trial++) {
            int capacity = 1 + random.nextInt(8);
            ItemNeighbours start = ItemNeighbours.EMPTY;
            for (int i = random.nextInt(20); i > 0; i--) {
                start = start.plus("i-" + random.nextInt(15), weights[random.nextInt(weights.length)], capacity);
            }
            List<String> batch = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                batch.add("i-" + random.nextInt(15));
            }
            double weight = weights[random.nextInt(weights.length)];
            ItemNeighbours oneAtATime = start;
            for (String id : batch) {
                oneAtATime = oneAtATime.plus(id, weight, capacity);
            }

            assertThat(new ArrayList<>(start.plusAll(batch, weight, capacity).neighbours().entrySet()))
                    .as("trial %d: %s + %s", trial, start, batch)
                    .containsExactlyElementsOf(new ArrayList<>(oneAtATime.neighbours().entrySet()));
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
