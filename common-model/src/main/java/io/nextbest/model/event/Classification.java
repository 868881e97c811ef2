package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an outcome counts for, against, or neither for an offer (decisioning API, outcome types). */
public enum Classification {
    POSITIVE("positive"),
    NEGATIVE("negative"),
    NEUTRAL("neutral");

    private final String wireName;

    Classification(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Classification fromWire(String wire) {
        return WireEnums.fromWire(Classification.class, "classification", wire, Classification::wireName);
    }
}
