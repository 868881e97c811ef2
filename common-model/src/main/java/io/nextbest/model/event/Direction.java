package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who initiated the contact: the platform (outbound, e.g. impressions) or the customer (inbound). */
public enum Direction {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Direction fromWire(String wire) {
        return WireEnums.fromWire(Direction.class, "direction", wire, Direction::wireName);
    }
}
