package io.nextbest.model.stats;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items most often interacted with together with one item, on {@code item-cooccurrence},
 * keyed {@code project:itemId} — the input of "similar items" predictions. {@code neighbours}
 * holds at most {@code capacity} candidates by weight, heaviest first (equal weights by id); the
 * decision service reads the first K. When full, a new candidate replaces the lightest one and
 * inherits its weight plus its own (the Space-Saving heuristic), so a steadily co-occurring item
 * climbs in even after the list filled up, while memory stays at {@code capacity} entries per item.
 *
 * <p>A map already in that order — every value read from a store or the topic is — is kept as
 * given, without a sort or a copy: the feedback app reads and rewrites an item's list once per
 * tracker event that pairs it, and updates it once for every item paired with it ({@link #plusAll},
 * up to the user's recent items), so sorting it twice per update was most of that step's work.
 * Pass a map you no longer change.
 */
public record ItemNeighbours(Map<String, Double> neighbours) {

    public static final ItemNeighbours EMPTY = new ItemNeighbours(Map.of());

    public ItemNeighbours {
        neighbours = neighbours == null ? Map.of() : inOrder(neighbours) ? neighbours : sorted(neighbours);
    }

    public ItemNeighbours plus(String neighbour, double weight, int capacity) {
        Double current = neighbours.get(neighbour);
        String replaced = null;
        double updated;
        if (current != null) {
            updated = current + weight;
        } else if (neighbours.size() < capacity) {
            updated = weight;
        } else {
            Map.Entry<String, Double> lightest = lightest();
            replaced = lightest.getKey();
            updated = lightest.getValue() + weight;
        }
        return new ItemNeighbours(with(neighbour, updated, replaced));
    }

    /**
     * {@link #plus} of each of {@code added} in turn, each adding {@code weight}, on one working copy
     * of the list instead of a new map per neighbour: an event of a user with a full recent list
     * pairs its item with up to 49 others at once. Each step changes one entry, and moving just that
     * entry to its place keeps the copy in the list's order, so the lightest entry is always at the
     * tail, as in {@link #plus}.
     */
    public ItemNeighbours plusAll(List<String> added, double weight, int capacity) {
        // One neighbour, the most common record (an earlier item paired with the viewed one), stays
        // on plus()'s single pass: through the working copy an update of a full list allocated 4.5
        // instead of 2.7 KB and took 1.4–3.8 instead of 1.5–2.2 µs (2026-12-08, throwaway loop).
        if (added.size() <= 1) {
            return added.isEmpty() ? this : plus(added.get(0), weight, capacity);
        }
        int room = neighbours.size() + added.size();
        String[] ids = new String[room];
        double[] weights = new double[room];
        int size = 0;
        for (Map.Entry<String, Double> entry : neighbours.entrySet()) {
            ids[size] = entry.getKey();
            weights[size++] = entry.getValue();
        }
        for (String neighbour : added) {
            int at = indexOf(ids, size, neighbour);
            if (at >= 0) {
                weights[at] += weight;
            } else if (size < capacity) {
                at = size++;
                ids[at] = neighbour;
                weights[at] = weight;
            } else {
                // Space-Saving: the newcomer takes the lightest entry's place and inherits its weight.
                at = lightest(weights, size);
                ids[at] = neighbour;
                weights[at] += weight;
            }
            moveToItsPlace(ids, weights, at);
        }
        Map<String, Double> next = withRoomFor(size);
        for (int i = 0; i < size; i++) {
            next.put(ids[i], weights[i]);
        }
        return new ItemNeighbours(next);
    }

    private static int indexOf(String[] ids, int size, String id) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // In a list in order the lightest entries are the tail, equal weights by id: the first of them
    // has the smallest id.
    private static int lightest(double[] weights, int size) {
        int at = size - 1;
        while (at > 0 && Double.compare(weights[at - 1], weights[size - 1]) == 0) {
            at--;
        }
        return at;
    }

    // The changed entry only got heavier (as in with()), so it can only move towards the front.
    private static void moveToItsPlace(String[] ids, double[] weights, int at) {
        while (at > 0 && before(ids[at], weights[at], ids[at - 1], weights[at - 1])) {
            swap(ids, weights, at, --at);
        }
    }

    private static void swap(String[] ids, double[] weights, int i, int j) {
        String id = ids[i];
        ids[i] = ids[j];
        ids[j] = id;
        double weight = weights[i];
        weights[i] = weights[j];
        weights[j] = weight;
    }

    /** The {@code k} heaviest neighbours, heaviest first. */
    public List<String> top(int k) {
        return neighbours.keySet().stream().limit(k).toList();
    }

    // The list with one weight changed (or added, dropping `replaced`), built in order in one pass:
    // only that entry can move, and only towards the front.
    private Map<String, Double> with(String neighbour, double updated, String replaced) {
        Map<String, Double> next = withRoomFor(neighbours.size() + 1);
        boolean placed = false;
        for (Map.Entry<String, Double> entry : neighbours.entrySet()) {
            String id = entry.getKey();
            if (id.equals(neighbour) || id.equals(replaced)) {
                continue;
            }
            if (!placed && before(neighbour, updated, id, entry.getValue())) {
                next.put(neighbour, updated);
                placed = true;
            }
            next.put(id, entry.getValue());
        }
        if (!placed) {
            next.put(neighbour, updated);
        }
        return next;
    }

    // The lowest weight, and of those the smallest id.
    private Map.Entry<String, Double> lightest() {
        Map.Entry<String, Double> lightest = null;
        for (Map.Entry<String, Double> entry : neighbours.entrySet()) {
            if (lightest == null) {
                lightest = entry;
                continue;
            }
            int byWeight = Double.compare(entry.getValue(), lightest.getValue());
            if (byWeight < 0 || byWeight == 0 && entry.getKey().compareTo(lightest.getKey()) < 0) {
                lightest = entry;
            }
        }
        return lightest;
    }

    /** Whether {@code id} with {@code weight} comes before {@code otherId} with {@code otherWeight} in the list. */
    private static boolean before(String id, double weight, String otherId, double otherWeight) {
        return order(id, weight, otherId, otherWeight) < 0;
    }

    /** The list's order, the one place it is defined: heavier first, equal weights by id. */
    private static int order(String id, double weight, String otherId, double otherWeight) {
        int byWeight = Double.compare(otherWeight, weight);
        return byWeight != 0 ? byWeight : id.compareTo(otherId);
    }

    private static boolean inOrder(Map<String, Double> weights) {
        Iterator<Map.Entry<String, Double>> entries = weights.entrySet().iterator();
        if (!entries.hasNext()) {
            return true;
        }
        Map.Entry<String, Double> previous = entries.next();
        while (entries.hasNext()) {
            Map.Entry<String, Double> entry = entries.next();
            if (!before(previous.getKey(), previous.getValue(), entry.getKey(), entry.getValue())) {
                return false;
            }
            previous = entry;
        }
        return true;
    }

    /** An empty map that holds {@code entries} without growing its table on the way. */
    private static Map<String, Double> withRoomFor(int entries) {
        return new LinkedHashMap<>((int) (entries / 0.75f) + 1);
    }

    private static Map<String, Double> sorted(Map<String, Double> weights) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted((a, b) -> order(a.getKey(), a.getValue(), b.getKey(), b.getValue()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
