package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a shopper did. The personalization API does not publish its list, so this one is ours
 * (README, "Tracker events"); the item models weigh each type differently.
 */
public enum TrackerEventType {
    PAGE_VIEW("page_view"),
    VIEW_ITEM("view_item"),
    ADD_TO_CART("add_to_cart"),
    REMOVE_FROM_CART("remove_from_cart"),
    ADD_TO_WISHLIST("add_to_wishlist"),
    SEARCH("search"),
    CLICK("click"),
    CHECKOUT("checkout"),
    PURCHASE("purchase");

    private final String wireName;

    TrackerEventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static TrackerEventType fromWire(String wire) {
        return WireEnums.fromWire(TrackerEventType.class, "event_type", wire, TrackerEventType::wireName);
    }
}
