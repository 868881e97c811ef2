package io.nextbest.catalog.entities;

import io.nextbest.model.catalog.CatalogEntity;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage definition and body checks of every catalog entity. The checks hold what the
 * consumers of {@code catalog.*} rely on (ids, enum values, ranges); anything else is free.
 */
public final class EntityTypes {

    private static final Set<String> ACTIVE_PAUSED = Set.of("active", "paused", "draft", "archived");
    private static final Map<CatalogEntity, EntityType<?>> ALL = build();

    private EntityTypes() {
    }

    @SuppressWarnings("unchecked")
    public static <T> EntityType<T> of(CatalogEntity entity) {
        return (EntityType<T>) ALL.get(entity);
    }

    public static Optional<EntityType<?>> byPath(String path) {
        return ALL.values().stream().filter(t -> t.path().equals(path)).findFirst();
    }

    public static List<EntityType<?>> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<CatalogEntity, EntityType<?>> build() {
        Map<CatalogEntity, EntityType<?>> all = new EnumMap<>(CatalogEntity.class);
        all.put(CatalogEntity.TENANT, EntityType.of(CatalogEntity.TENANT, "tenants", Tenant.class)
                .id("id", Tenant::id).column("name", Tenant::name)
                .checkedBy(t -> new FieldErrors().required("id", t.id()).required("name", t.name())
                        .check(t.id() == null || t.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "id",
                                "must be 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit")
                        .oneOf("status", t.status(), Set.of("active", "suspended")).toMap()));
        all.put(CatalogEntity.API_KEY, EntityType.of(CatalogEntity.API_KEY, "api_keys", ApiKey.class)
                .id("id", ApiKey::id).column("kind", ApiKey::kind).column("hash", ApiKey::hash)
                .column("revoked", ApiKey::revoked).column("expires_at", ApiKey::expiresAt)
                .checkedBy(k -> new FieldErrors().required("name", k.name()).required("kind", k.kind())
                        .oneOf("kind", k.kind(), Set.of("admin", "api", "experiment"))
                        .check(k.scopes() == null || k.scopes().size() <= 16, "scopes", "must have at most 16 entries")
                        .check(k.scopes() == null || k.scopes().stream().allMatch(s -> s != null && !s.isEmpty() && s.length() <= 64),
                                "scopes", "each scope must be 1-64 characters").toMap()));
        all.put(CatalogEntity.CATEGORY, EntityType.of(CatalogEntity.CATEGORY, "categories", Category.class)
                .id("id", Category::id).column("name", Category::name).column("parent_id", Category::parentId)
                .checkedBy(EntityTypes::checkCategory));
        all.put(CatalogEntity.OFFER, EntityType.of(CatalogEntity.OFFER, "offers", Offer.class)
                .id("id", Offer::id).column("name", Offer::name).column("category_id", Offer::categoryId)
                .column("status", Offer::status)
                .checkedBy(EntityTypes::checkOffer));
        all.put(CatalogEntity.CHANNEL, EntityType.of(CatalogEntity.CHANNEL, "channels", Channel.class)
                .id("id", Channel::id).column("name", Channel::name)
                .checkedBy(c -> new FieldErrors().required("name", c.name()).required("type", c.type())
                        .oneOf("status", c.status(), Set.of("active", "inactive"))
                        .oneOf("impressionMode", c.impressionMode(), Set.of("explicit", "implicit"))
                        .check(c.placements() == null || c.placements().stream().allMatch(p -> p != null && p.key() != null && !p.key().isBlank()),
                                "placements", "every placement needs a key")
                        .check(c.placements() == null || c.placements().stream().filter(p -> p != null).map(p -> p.key()).distinct().count() == c.placements().size(),
                                "placements", "placement keys must be unique within the channel")
                        .toMap()));
        all.put(CatalogEntity.CREATIVE, EntityType.of(CatalogEntity.CREATIVE, "creatives", Creative.class)
                .id("id", Creative::id).column("offer_id", Creative::offerId).column("channel_id", Creative::channelId)
                .checkedBy(c -> new FieldErrors().required("offerId", c.offerId()).required("channelId", c.channelId())
                        .range("weight", c.weight(), 0, 100).oneOf("status", c.status(), Set.of("active", "inactive", "draft")).toMap()));
        all.put(CatalogEntity.DECISION_FLOW, EntityType.of(CatalogEntity.DECISION_FLOW, "decision_flows", DecisionFlow.class)
                .id("id", DecisionFlow::id).column("key", DecisionFlow::key)
                .checkedBy(EntityTypes::checkDecisionFlow));
        all.put(CatalogEntity.EXPERIMENT, EntityType.of(CatalogEntity.EXPERIMENT, "experiments", Experiment.class)
                .id("id", Experiment::id).column("key", Experiment::key)
                .checkedBy(EntityTypes::checkExperiment));
        all.put(CatalogEntity.TRACKER, EntityType.of(CatalogEntity.TRACKER, "trackers", Tracker.class)
                .id("id", Tracker::id).column("store_id", Tracker::storeId)
                .checkedBy(t -> new FieldErrors().required("name", t.name()).toMap()));
        all.put(CatalogEntity.PRODUCT, EntityType.of(CatalogEntity.PRODUCT, "products", Product.class)
                .id(null, Product::catalogId).column("store_id", Product::storeId).column("item_id", Product::itemId)
                .column("parent_id", Product::parentId)
                .checkedBy(p -> new FieldErrors().required("itemId", p.itemId()).required("storeId", p.storeId())
                        .check(p.price() == null || p.price().signum() >= 0, "price", "must not be negative")
                        .check(p.stock() == null || p.stock() >= 0, "stock", "must not be negative").toMap()));
        all.put(CatalogEntity.MODEL, EntityType.of(CatalogEntity.MODEL, "models", Model.class)
                .id("id", Model::id)
                .checkedBy(m -> new FieldErrors().required("name", m.name()).required("type", m.type())
                        .oneOf("type", m.type(), Set.of("popular", "similar_items", "personalized"))
                        .oneOf("trainingTarget", m.trainingTarget(), Set.of("parent", "variant")).toMap()));
        all.put(CatalogEntity.CUSTOMER, EntityType.of(CatalogEntity.CUSTOMER, "customers", CustomerProfile.class)
                .id("id", CustomerProfile::id)
                .checkedBy(c -> new FieldErrors().check(c.id() == null || c.id().length() <= 256, "id", "must be at most 256 characters").toMap()));
        all.put(CatalogEntity.OUTCOME_TYPE, EntityType.of(CatalogEntity.OUTCOME_TYPE, "outcome_types", OutcomeType.class)
                .id("key", OutcomeType::key)
                .checkedBy(o -> new FieldErrors().required("key", o.key()).required("name", o.name())
                        .required("classification", o.classification()).required("category", o.category())
                        .check(!o.system(), "system", "only the built-in outcome types are system types").toMap()));
        all.put(CatalogEntity.QUALIFICATION_RULE, EntityType.of(CatalogEntity.QUALIFICATION_RULE, "qualification_rules", QualificationRule.class)
                .id("id", QualificationRule::id)
                .checkedBy(r -> new FieldErrors().required("name", r.name()).required("ruleType", r.ruleType())
                        .oneOf("stage", r.stage(), Set.of("qualification", "fit"))
                        .oneOf("ruleType", r.ruleType(), Set.of("segment_required", "attribute_condition", "propensity_threshold", "recency_check"))
                        .oneOf("scope", r.scope(), Set.of("global", "category", "offer", "channel", "segment"))
                        .oneOf("status", r.status(), ACTIVE_PAUSED).toMap()));
        all.put(CatalogEntity.CONTACT_POLICY, EntityType.of(CatalogEntity.CONTACT_POLICY, "contact_policies", ContactPolicy.class)
                .id("id", ContactPolicy::id)
                .checkedBy(p -> new FieldErrors().required("name", p.name()).required("ruleType", p.ruleType())
                        .oneOf("ruleType", p.ruleType(), Set.of("frequency_cap", "cooldown", "outcome_based", "segment_exclusion",
                                "cross_channel_cap", "category_suppression", "mutual_exclusion", "allow_override"))
                        .oneOf("status", p.status(), ACTIVE_PAUSED).toMap()));
        all.put(CatalogEntity.VOLUME_CAP, EntityType.of(CatalogEntity.VOLUME_CAP, "volume_caps", VolumeCap.class)
                .id("id", VolumeCap::id)
                .checkedBy(v -> new FieldErrors().required("name", v.name())
                        .oneOf("scope", v.scope(), Set.of("offer", "category", "channel"))
                        .oneOf("period", v.period(), Set.of("daily", "weekly", "monthly"))
                        .check(v.maxVolume() > 0, "maxVolume", "must be positive").toMap()));
        return all;
    }

    private static Map<String, String> checkCategory(Category c) {
        FieldErrors errors = new FieldErrors().required("name", c.name())
                .check(c.parentId() == null || !c.parentId().equals(c.id()), "parentId", "a category cannot be its own parent");
        if (c.customFields() != null) {
            for (int i = 0; i < c.customFields().size(); i++) {
                var field = c.customFields().get(i);
                errors.required("customFields[" + i + "].key", field == null ? null : field.key())
                        .oneOf("customFields[" + i + "].type", field == null ? null : field.type(), Set.of("number", "decimal", "string", "boolean"));
            }
        }
        return errors.toMap();
    }

    private static Map<String, String> checkOffer(Offer o) {
        return new FieldErrors().required("name", o.name()).required("status", o.status())
                .oneOf("status", o.status(), ACTIVE_PAUSED)
                .range("priority", o.priority(), 0, 100).range("businessValue", o.businessValue(), 0, 100)
                .check(o.startDate() == null || o.endDate() == null || o.startDate().isBefore(o.endDate()), "endDate", "must be after startDate")
                .toMap();
    }

    private static Map<String, String> checkDecisionFlow(DecisionFlow f) {
        return new FieldErrors().required("key", f.key()).required("name", f.name())
                .oneOf("status", f.status(), ACTIVE_PAUSED)
                .check(f.stages() == null || Set.of("qualification", "contact_policy", "scoring", "ranking").containsAll(f.stages()),
                        "stages", "must be among qualification, contact_policy, scoring, ranking")
                .oneOf("scoring.method", f.scoring() == null ? null : f.scoring().method(), Set.of("priority_weighted", "propensity", "formula", "thompson"))
                .range("limit", f.limit(), 0, 100)
                .toMap();
    }

    private static Map<String, String> checkExperiment(Experiment e) {
        double shares = e.variants() == null ? 0 : e.variants().stream().mapToDouble(Experiment.Variant::share).sum();
        return new FieldErrors().required("key", e.key()).required("name", e.name()).required("variants", e.variants())
                .oneOf("kind", e.kind(), Set.of("champion_challenger", "personalization"))
                .range("holdoutPercent", e.holdoutPercent(), 0, 100)
                .check(e.variants() == null || Math.abs(shares - 1.0) < 1e-6, "variants", "shares must add up to 1")
                .toMap();
    }
}
