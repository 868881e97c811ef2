package io.nextbest.catalog.admin;

import static io.nextbest.catalog.admin.AdminFixtures.delete;
import static io.nextbest.catalog.admin.AdminFixtures.get;
import static io.nextbest.catalog.admin.AdminFixtures.post;
import static io.nextbest.catalog.admin.AdminFixtures.put;

import io.nextbest.catalog.admin.AdminFixtures.TenantAdmin;
import io.nextbest.catalog.CatalogIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Create, read, update, list and delete work for every catalog entity, and another tenant sees none of it. */
@CatalogIntegrationTest
class EntityCrudIT {

    @Autowired
    WebTestClient web;

    TenantAdmin admin;
    TenantAdmin otherTenant;

    @BeforeEach
    void twoTenants() {
        admin = AdminFixtures.newTenantWithAdminKey(web);
        otherTenant = AdminFixtures.newTenantWithAdminKey(web);
    }

    static Stream<Arguments> entities() {
        return Stream.of(
                entity("categories", "c1", Map.of("id", "c1", "name", "Retention", "customFields",
                        List.of(Map.of("key", "discount", "label", "Discount", "type", "decimal", "required", false, "formula", "19.99 - customer.loyalty_score * 0.05"))),
                        "name", "Retention offers"),
                entity("offers", "o1", AdminFixtures.coffeeOffer("o1"), "name", "Starbucks: Discount — 20 Day Low"),
                entity("channels", "ch1", Map.of("id", "ch1", "name", "Email", "type", "email", "status", "active",
                        "placements", List.of(Map.of("key", "hero", "name", "Hero", "slotType", "banner", "maxSlots", 1, "status", "active"))),
                        "name", "E-mail"),
                entity("creatives", "cr1", Map.of("id", "cr1", "offerId", "o1", "channelId", "ch1", "placementKey", "hero", "name", "Hero",
                        "weight", 100, "status", "active", "content", Map.of("subject", "Hi {{first_name}}")), "name", "Hero v2"),
                entity("decision-flows", "f1", Map.of("id", "f1", "key", "default", "name", "Default", "status", "active", "isDefault", true,
                        "stages", List.of("qualification", "scoring", "ranking"), "scoring", Map.of("method", "priority_weighted"), "limit", 3),
                        "name", "Default flow"),
                entity("experiments", "e1", Map.of("id", "e1", "key", "exp-1", "name", "Champion", "kind", "champion_challenger", "active", true,
                        "holdoutPercent", 5, "variants", List.of(Map.of("name", "champion", "share", 0.5, "scoringMethod", "priority_weighted"),
                                Map.of("name", "challenger", "share", 0.5, "scoringMethod", "propensity"))), "name", "Champion vs challenger"),
                entity("trackers", "tr1", Map.of("id", "tr1", "name", "Web", "storeId", "store-1", "allowedDomains", List.of("*.example.com")), "name", "Web shop"),
                entity("products", "store-1:p1", Map.of("itemId", "p1", "storeId", "store-1", "title", "Latte", "price", 4.50, "stock", 10), "title", "Caffè Latte"),
                entity("models", "m1", Map.of("id", "m1", "name", "Popular", "type", "popular", "trainingTarget", "parent", "deployed", true,
                        "deploymentJobId", "job-1"), "name", "Most popular"),
                entity("customers", "SBX-000100", Map.of("id", "SBX-000100", "attributes", Map.of("tier", "gold", "loyalty_score", 80),
                        "segments", List.of("loyal")), "segments", List.of("loyal", "vip")),
                entity("outcome-types", "redeem", Map.of("key", "redeem", "name", "Redeem", "classification", "positive", "category", "response"),
                        "name", "Redemption"),
                entity("qualification-rules", "q1", Map.of("id", "q1", "name", "Gold only", "stage", "qualification", "ruleType", "segment_required",
                        "scope", "global", "priority", 10, "status", "active", "config", Map.of("segments", List.of("gold"))), "priority", 20),
                entity("contact-policies", "cp1", Map.of("id", "cp1", "name", "Three a week", "ruleType", "frequency_cap",
                        "scopes", List.of(Map.of("scope", "global")), "priority", 10, "status", "active", "config", Map.of("max", 3, "period", "weekly")),
                        "priority", 5),
                entity("volume-caps", "v1", Map.of("id", "v1", "name", "Daily cap", "scope", "offer", "scopeId", "o1", "maxVolume", 1000,
                        "period", "daily", "enabled", true), "maxVolume", 2000));
    }

    private static Arguments entity(String path, String id, Map<String, Object> body, String changedField, Object changedValue) {
        return Arguments.of(path, id, body, changedField, changedValue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void createReadUpdateListDelete(String path, String id, Map<String, Object> body, String field, Object value) {
        String base = "/admin/v1/" + path;
        post(web, admin, base, body).exchange().expectStatus().isCreated().expectHeader().location(base + "/" + id);
        get(web, admin, base + "/" + id).exchange().expectStatus().isOk();

        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        put(web, admin, base + "/" + id, changed).exchange().expectStatus().isOk();
        get(web, admin, base + "/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$." + field).isEqualTo(value);
        get(web, admin, base).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.nextCursor").doesNotExist();

        delete(web, admin, base + "/" + id).exchange().expectStatus().isNoContent();
        get(web, admin, base + "/" + id).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void anotherTenantCanNeitherReadNorChangeNorDelete(String path, String id, Map<String, Object> body, String field, Object value) {
        String base = "/admin/v1/" + path;
        post(web, admin, base, body).exchange().expectStatus().isCreated();

        get(web, otherTenant, base + "/" + id).exchange().expectStatus().isNotFound();
        put(web, otherTenant, base + "/" + id, body).exchange().expectStatus().isNotFound();
        delete(web, otherTenant, base + "/" + id).exchange().expectStatus().isNotFound();
        get(web, otherTenant, base).exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);

        get(web, admin, base + "/" + id).exchange().expectStatus().isOk().expectBody().jsonPath("$." + field).isEqualTo(body.get(field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void duplicateIdIsAConflict(String path, String id, Map<String, Object> body, String field, Object value) {
        String base = "/admin/v1/" + path;
        post(web, admin, base, body).exchange().expectStatus().isCreated();
        post(web, admin, base, body).exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
    }
}
