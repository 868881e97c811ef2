package io.nextbest.model.event;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One product a tracker event is about: the item (parent or variant), its parent, and what the cart held. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventItem(String itemId, String parentId, Integer quantity, BigDecimal price) {

    public EventItem {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("item_id is required");
        }
    }
}
