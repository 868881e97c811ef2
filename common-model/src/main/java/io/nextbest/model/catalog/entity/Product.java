package io.nextbest.model.catalog.entity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A product of a store: a parent ({@code parentId} null) or one of its variants. The catalog key
 * is {@code storeId + ":" + itemId}, since item ids are unique only within a store.
 */
public record Product(
        String itemId,
        String storeId,
        String parentId,
        String title,
        BigDecimal price,
        Integer stock,
        Map<String, Object> attributes) {

    public String catalogId() {
        return storeId + ":" + itemId;
    }
}
