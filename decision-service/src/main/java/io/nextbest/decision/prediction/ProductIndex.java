package io.nextbest.decision.prediction;

import io.nextbest.model.catalog.entity.Product;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project's products by item id. The catalog keys products by {@code storeId:itemId}, but the
 * item models are keyed by item id alone (tracker events name items, not stores), so predictions
 * resolve an item id here. When stores share an item id the product of the first store id wins —
 * deterministic, and documented in README.
 */
record ProductIndex(Map<String, Product> byItemId) {

    static final ProductIndex EMPTY = new ProductIndex(Map.of());

    ProductIndex {
        byItemId = Map.copyOf(byItemId);
    }

    static ProductIndex of(List<Product> products) {
        Map<String, Product> index = new HashMap<>();
        products.stream().sorted(Comparator.comparing(Product::storeId, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(p -> index.putIfAbsent(p.itemId(), p));
        return new ProductIndex(index);
    }

    Optional<Product> product(String itemId) {
        return Optional.ofNullable(byItemId.get(itemId));
    }
}
