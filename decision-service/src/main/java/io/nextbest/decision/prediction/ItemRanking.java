package io.nextbest.decision.prediction;

import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.stats.ItemNeighbours;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The prediction core, pure: each model type turns its item model into candidate scores, then
 * {@link #resolve} maps candidates to catalog products (unknown and out-of-stock products dropped,
 * variants folded into parents for a parent training target, excluded items removed) and returns
 * the best {@code count}. No I/O: the item models come in as values and functions.
 */
final class ItemRanking {

    private ItemRanking() {
    }

    /** The popular pool as candidates, best first. */
    static Map<String, Double> popular(PopularItems popular) {
        Map<String, Double> scores = new LinkedHashMap<>();
        popular.items().forEach(item -> scores.merge(item.itemId(), item.score(), Double::sum));
        return scores;
    }

    /**
     * Neighbours of every requested item, merged by summing their co-occurrence weights: an item
     * that goes with several of the requested items ranks above one that goes with a single one.
     */
    static Map<String, Double> similar(Collection<String> items, Function<String, ItemNeighbours> neighbours) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String item : new LinkedHashSet<>(items)) {
            neighbours.apply(item).neighbours().forEach((neighbour, weight) -> scores.merge(neighbour, weight, Double::sum));
        }
        return scores;
    }

    /**
     * Neighbours of the user's context: the request's items (weight 1 each) and the user's
     * {@code seeds} most recent items, the i-th newest weighing {@code 1 / (i + 1)} so the current
     * session counts most. Empty when the user has no history and the request names no items.
     */
    static Map<String, Double> personalized(List<String> recentNewestFirst, Collection<String> requestItems,
                                            Function<String, ItemNeighbours> neighbours, int seeds) {
        Map<String, Double> seedWeights = new LinkedHashMap<>();
        requestItems.forEach(item -> seedWeights.merge(item, 1.0, Double::sum));
        for (int i = 0; i < Math.min(seeds, recentNewestFirst.size()); i++) {
            seedWeights.merge(recentNewestFirst.get(i), 1.0 / (i + 1), Double::sum);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        seedWeights.forEach((seed, seedWeight) -> neighbours.apply(seed).neighbours()
                .forEach((neighbour, weight) -> scores.merge(neighbour, seedWeight * weight, Double::sum)));
        return scores;
    }

    /**
     * Candidates as the response's items, best first (ties by item id), at most {@code count}.
     * An item the catalog does not know, or whose product has {@code stock} 0, is dropped (a
     * product without stock information is kept). For a {@code parent} target a variant becomes
     * its parent, and the scores of one parent's variants add up. {@code exclude} (the request's
     * items, a user's seen items) is compared after that mapping, so a seen variant also hides
     * its parent.
     */
    static List<PredictedItem> resolve(Map<String, Double> candidates, Collection<String> exclude, ProductIndex products,
                                       boolean parentTarget, int count, boolean fullData) {
        Set<String> excluded = new HashSet<>(exclude);
        for (String item : exclude) {
            products.product(item).map(p -> targetId(p, parentTarget)).ifPresent(excluded::add);
        }
        Map<String, Double> byTarget = new LinkedHashMap<>();
        Map<String, Product> targets = new LinkedHashMap<>();
        candidates.forEach((itemId, score) -> {
            Optional<Product> product = products.product(itemId).filter(ItemRanking::available);
            if (product.isEmpty() || excluded.contains(itemId)) {
                return;
            }
            String targetId = targetId(product.get(), parentTarget);
            Optional<Product> target = targetId.equals(itemId) ? product : products.product(targetId).filter(ItemRanking::available);
            if (target.isEmpty() || excluded.contains(targetId)) {
                return;
            }
            byTarget.merge(targetId, score, Double::sum);
            targets.putIfAbsent(targetId, target.get());
        });
        List<ScoredItem> ranked = new ArrayList<>(byTarget.size());
        byTarget.forEach((id, score) -> ranked.add(new ScoredItem(id, score)));
        ranked.sort(PopularItems.BEST_FIRST);
        return ranked.stream().limit(count).map(item -> {
            Product product = targets.get(item.itemId());
            String parentId = product.parentId() == null ? product.itemId() : product.parentId();
            return new PredictedItem(item.itemId(), parentId, item.score(), fullData ? product.title() : null);
        }).toList();
    }

    private static String targetId(Product product, boolean parentTarget) {
        return parentTarget && product.parentId() != null ? product.parentId() : product.itemId();
    }

    private static boolean available(Product product) {
        return product.stock() == null || product.stock() > 0;
    }
}
