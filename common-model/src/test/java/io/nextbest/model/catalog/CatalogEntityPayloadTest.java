package io.nextbest.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.Placement;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.Tenant;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.catalog.entity.VolumeCap;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogEntityPayloadTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final TenantId TENANT = new TenantId("coffee-demo");
    private static final Map<CatalogEntity, Object> SAMPLES = samples();

    @ParameterizedTest
    @EnumSource(CatalogEntity.class)
    void everyEntityPayloadRoundTripsThroughTheTopic(CatalogEntity entity) {
        Object sample = SAMPLES.get(entity);
        assertThat(sample).as("sample for %s", entity).isInstanceOf(entity.payloadType());
        JsonSerde<CatalogChange> serde = new JsonSerde<>(CatalogChange.class);

        CatalogChange change = CatalogChange.upsertOf(entity, TENANT, "id-1", 7, AT, sample);
        CatalogChange read = serde.fromBytes(serde.toBytes(change));

        assertThat(read.entity()).isEqualTo(entity);
        assertThat(read.payloadAs(entity.payloadType())).isEqualTo(sample);
    }

    @Test
    void tombstoneHasNoPayloadAndNoTopicValue() {
        CatalogChange deleted = CatalogChange.tombstone(CatalogEntity.OFFER, TENANT, "offer-1", 8, AT);

        assertThat(deleted.isTombstone()).isTrue();
        assertThat(deleted.topicValue()).isNull();
        assertThat(deleted.payloadAs(Offer.class)).isNull();
    }

    @Test
    void payloadOfTheWrongShapeIsASerializationError() {
        CatalogChange change = CatalogChange.upsertOf(CatalogEntity.OFFER, TENANT, "offer-1", 1, AT, Map.of("priority", "high"));

        assertThatThrownBy(() -> change.payloadAs(Offer.class)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("offers offer-1");
    }

    private static Map<CatalogEntity, Object> samples() {
        Map<CatalogEntity, Object> samples = new EnumMap<>(CatalogEntity.class);
        samples.put(CatalogEntity.TENANT, new Tenant("coffee-demo", "Coffee", "active", AT));
        samples.put(CatalogEntity.API_KEY, new ApiKey("nbk_ab12cd34", "ci", "api", "9f86d081884c7d65", List.of(), null, false, AT));
        samples.put(CatalogEntity.CATEGORY, new Category("cat-1", "Retention", null, "keep them",
                List.of(new CustomField("personalized_rate", "Rate", "decimal", false, "19.99 - customer.loyalty_score * 0.05"))));
        samples.put(CatalogEntity.OFFER, new Offer("offer-1", "10 Day Low", "save", "cat-1", null, 85, 40, false, "active",
                AT, null, List.of("discount"), Map.of("annual_fee", 95), List.of(new Condition("tier", "in", List.of("gold", "silver")))));
        samples.put(CatalogEntity.CHANNEL, new Channel("ch-email", "Email", "email", "active", "explicit",
                List.of(new Placement("header_offer", "Header", "banner", 1, "active"))));
        samples.put(CatalogEntity.CREATIVE, new Creative("cr-1", "offer-1", "ch-email", "header_offer", "A", 100, "active",
                Map.of("subject", "Hi {{customer.first_name}}")));
        samples.put(CatalogEntity.DECISION_FLOW, new DecisionFlow("flow-1", "default-flow", "Default", "active", true,
                List.of("qualification", "contact_policy", "scoring", "ranking"),
                new DecisionFlow.Scoring("formula", new DecisionFlow.PrieWeights(0.4, 0.2, 0.3, 0.1), 10.0), 5, "scoring-test"));
        samples.put(CatalogEntity.EXPERIMENT, new Experiment("exp-1", "scoring-test", "Scoring", "champion_challenger", true, 5.0,
                List.of(new Experiment.Variant("champion", 0.8, "priority_weighted", null),
                        new Experiment.Variant("challenger", 0.2, "propensity", null))));
        samples.put(CatalogEntity.TRACKER, new Tracker("trk-web", "Web", "store-1", List.of("*.coffee.example")));
        samples.put(CatalogEntity.PRODUCT, new Product("sku-1-m", "store-1", "sku-1", "Latte M", new BigDecimal("4.50"), 12, Map.of("size", "M")));
        samples.put(CatalogEntity.MODEL, new Model("mdl-1", "Similar", "similar_items", "parent", true, "job-1"));
        samples.put(CatalogEntity.CUSTOMER, new CustomerProfile("SBX-000100", Map.of("tier", "gold"), List.of("high_value")));
        samples.put(CatalogEntity.OUTCOME_TYPE, new OutcomeType("click", "Click", Classification.POSITIVE, OutcomeCategory.RESPONSE, true));
        samples.put(CatalogEntity.QUALIFICATION_RULE, new QualificationRule("qr-1", "Adults", "qualification", "attribute_condition",
                "global", null, 10, "active", Map.of("attribute", "age", "operator", "gte", "value", 18)));
        samples.put(CatalogEntity.CONTACT_POLICY, new ContactPolicy("cp-1", "3 a day", "frequency_cap",
                List.of(new ContactPolicy.Scope("global", null)), 10, "active", Map.of("maxPerDay", 3)));
        samples.put(CatalogEntity.VOLUME_CAP, new VolumeCap("vc-1", "Daily email", "channel", "ch-email", 10_000, "daily", true));
        return samples;
    }
}
