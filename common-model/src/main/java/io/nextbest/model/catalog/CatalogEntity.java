package io.nextbest.model.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The configuration entities catalog-service owns in PostgreSQL; each has its own compacted topic
 * {@code catalog.<wireName>} through which every other service sees it.
 */
public enum CatalogEntity {
    TENANT("tenants"),
    API_KEY("api-keys"),
    CATEGORY("categories"),
    OFFER("offers"),
    CHANNEL("channels"),
    CREATIVE("creatives"),
    DECISION_FLOW("decision-flows"),
    EXPERIMENT("experiments"),
    TRACKER("trackers"),
    PRODUCT("products"),
    MODEL("models"),
    CUSTOMER("customers"),
    OUTCOME_TYPE("outcome-types"),
    QUALIFICATION_RULE("qualification-rules"),
    CONTACT_POLICY("contact-policies"),
    VOLUME_CAP("volume-caps");

    private final String wireName;

    CatalogEntity(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String topicName() {
        return "catalog." + wireName;
    }

    @JsonCreator
    public static CatalogEntity fromWire(String wire) {
        return Arrays.stream(values())
                .filter(e -> e.wireName.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown catalog entity '" + wire + "': expected one of "
                        + Arrays.stream(values()).map(CatalogEntity::wireName).collect(Collectors.joining(", "))));
    }
}
