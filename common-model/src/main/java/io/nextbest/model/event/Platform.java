package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a tracker event or prediction request comes from; the personalization API allows exactly these. */
public enum Platform {
    WEB("web"),
    MOBILE("mobile"),
    POS("pos");

    private final String wireName;

    Platform(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Platform fromWire(String wire) {
        return WireEnums.fromWire(Platform.class, "platform", wire, Platform::wireName);
    }
}
