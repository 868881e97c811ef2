package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An outcome either records an exposure (impression) or the customer's reaction (response). */
public enum OutcomeCategory {
    IMPRESSION("impression"),
    RESPONSE("response");

    private final String wireName;

    OutcomeCategory(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static OutcomeCategory fromWire(String wire) {
        return WireEnums.fromWire(OutcomeCategory.class, "category", wire, OutcomeCategory::wireName);
    }
}
