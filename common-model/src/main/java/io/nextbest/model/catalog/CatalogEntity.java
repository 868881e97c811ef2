package io.nextbest.model.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.Tenant;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The configuration entities catalog-service owns in PostgreSQL; each has its own compacted topic
 * {@code catalog.<wireName>} through which every other service sees it.
 */
public enum CatalogEntity {
    TENANT("tenants", Tenant.class),
    API_KEY("api-keys", ApiKey.class),
    CATEGORY("categories", Category.class),
    OFFER("offers", Offer.class),
    CHANNEL("channels", Channel.class),
    CREATIVE("creatives", Creative.class),
    DECISION_FLOW("decision-flows", DecisionFlow.class),
    EXPERIMENT("experiments", Experiment.class),
    TRACKER("trackers", Tracker.class),
    PRODUCT("products", Product.class),
    MODEL("models", Model.class),
    CUSTOMER("customers", CustomerProfile.class),
    OUTCOME_TYPE("outcome-types", OutcomeType.class),
    QUALIFICATION_RULE("qualification-rules", QualificationRule.class),
    CONTACT_POLICY("contact-policies", ContactPolicy.class),
    VOLUME_CAP("volume-caps", VolumeCap.class);

    private final String wireName;
    private final Class<?> payloadType;

    CatalogEntity(String wireName, Class<?> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    /** The record a change's payload decodes to ({@link CatalogChange#payloadAs(Class)}). */
    public Class<?> payloadType() {
        return payloadType;
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
