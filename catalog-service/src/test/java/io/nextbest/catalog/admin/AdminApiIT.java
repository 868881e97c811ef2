package io.nextbest.catalog.admin;

import static io.nextbest.catalog.admin.AdminFixtures.get;
import static io.nextbest.catalog.admin.AdminFixtures.post;
import static io.nextbest.catalog.admin.AdminFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.catalog.CatalogIntegrationTest;
import io.nextbest.catalog.admin.AdminFixtures.TenantAdmin;
import io.nextbest.model.json.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Authentication, validation, paging and the non-CRUD operations of the admin API. */
@CatalogIntegrationTest
class AdminApiIT {

    @Autowired
    WebTestClient web;

    TenantAdmin admin;

    @BeforeEach
    void tenant() {
        admin = AdminFixtures.newTenantWithAdminKey(web);
    }

    @Test
    void missingKeyIs401() {
        web.get().uri("/admin/v1/offers").header("X-Tenant-Id", admin.tenant()).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void unknownKeyIs401() {
        web.get().uri("/admin/v1/offers").header("X-API-Key", "nbk_abcdefgh_" + "A".repeat(32)).header("X-Tenant-Id", admin.tenant())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void revokedKeyIs401() {
        String second = issueKey(admin, "admin");
        String prefix = second.substring(0, 12);
        post(web, admin, "/admin/v1/api-keys/" + prefix + "/revoke", Map.of()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revoked").isEqualTo(true);
        web.get().uri("/admin/v1/offers").header("X-API-Key", second).header("X-Tenant-Id", admin.tenant())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void nonAdminKeyIs401OnTheAdminApi() {
        String apiKey = issueKey(admin, "api");
        web.get().uri("/admin/v1/offers").header("X-API-Key", apiKey).header("X-Tenant-Id", admin.tenant())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anIssuedKeyIsLocatedUnderTheFullAdminPath() {
        EntityExchangeResult<byte[]> issued = post(web, admin, "/admin/v1/api-keys", Map.of("name", "located key", "kind", "api"))
                .exchange().expectStatus().isCreated().expectBody().returnResult();
        String id = Json.mapper().readTree(issued.getResponseBody()).get("apiKey").get("id").asString();
        assertThat(issued.getResponseHeaders().getLocation()).hasToString("/admin/v1/api-keys/" + id);
    }

    @Test
    void adminKeyRestrictedByScopesIs403() {
        byte[] body = post(web, admin, "/admin/v1/api-keys", Map.of("name", "scim key", "kind", "admin", "scopes", List.of("scim"))).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.apiKey.scopes[0]").isEqualTo("scim").returnResult().getResponseBody();
        String scim = Json.mapper().readTree(body).get("key").asString();
        web.get().uri("/admin/v1/offers").header("X-API-Key", scim).header("X-Tenant-Id", admin.tenant())
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        // Under another tenant's id it is just another tenant's key: 401, not a hint that it is genuine.
        TenantAdmin other = AdminFixtures.newTenantWithAdminKey(web);
        web.get().uri("/admin/v1/offers").header("X-API-Key", scim).header("X-Tenant-Id", other.tenant())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void scopesBeyondTheDocumentedLimitsAre422() {
        List<String> seventeen = IntStream.range(0, 17).mapToObj(i -> "s" + i).toList();
        post(web, admin, "/admin/v1/api-keys", Map.of("name", "k", "kind", "api", "scopes", seventeen)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields.scopes").isEqualTo("must have at most 16 entries");
        post(web, admin, "/admin/v1/api-keys", Map.of("name", "k", "kind", "api", "scopes", List.of("x".repeat(65)))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields.scopes").isEqualTo("each scope must be 1-64 characters");
    }

    @Test
    void keyOfOneTenantWithAnotherTenantsIdIs401() {
        TenantAdmin other = AdminFixtures.newTenantWithAdminKey(web);
        web.get().uri("/admin/v1/offers").header("X-API-Key", admin.key()).header("X-Tenant-Id", other.tenant())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void bootstrapCredentialWithoutTenantHeaderIs400() {
        web.get().uri("/admin/v1/offers").header("X-API-Key", AdminFixtures.BOOTSTRAP).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("TENANT_REQUIRED");
    }

    @Test
    void bootstrapCredentialActsOnTheNamedTenant() {
        web.post().uri("/admin/v1/offers").header("X-API-Key", AdminFixtures.BOOTSTRAP).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AdminFixtures.coffeeOffer("o9")).exchange().expectStatus().isCreated();
        get(web, admin, "/admin/v1/offers/o9").exchange().expectStatus().isOk();
    }

    @Test
    void tenantAdminCannotCreateTenants() {
        post(web, admin, "/admin/v1/tenants", Map.of("id", "sneaky", "name", "Sneaky")).exchange().expectStatus().isForbidden();
    }

    @Test
    void issuedKeyIsReturnedOnceAndListedOnlyAsHash() {
        String raw = issueKey(admin, "api");
        String prefix = raw.substring(0, 12);
        get(web, admin, "/admin/v1/api-keys/" + prefix).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(prefix).jsonPath("$.hash").value(hash -> {
                    if (!(hash instanceof String s) || !s.matches("[0-9a-f]{64}") || s.contains(raw)) {
                        throw new AssertionError("expected a 64-hex-digit hash, got " + hash);
                    }
                }).jsonPath("$.key").doesNotExist();
    }

    @Test
    void invalidBodyIs422WithPerFieldMessages() {
        post(web, admin, "/admin/v1/offers", Map.of("id", "o1", "status", "live", "priority", 300)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.fields.name").isEqualTo("is required")
                .jsonPath("$.fields.status").exists()
                .jsonPath("$.fields.priority").isEqualTo("must be between 0 and 100");
    }

    @Test
    void wronglyTypedFieldIs422NamingTheField() {
        post(web, admin, "/admin/v1/offers", Map.of("id", "o1", "name", "x", "status", "active", "priority", "high")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields.priority").exists();
    }

    @Test
    void malformedJsonIs422() {
        web.post().uri("/admin/v1/offers").header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields.body").isEqualTo("is not valid JSON");
    }

    @Test
    void nonJsonBodyIs415() {
        web.post().uri("/admin/v1/offers").header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange().expectStatus().isEqualTo(415);
    }

    @Test
    void oversizedBodyIs413WithoutStackTrace() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        web.post().uri("/admin/v1/offers").header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$.trace").doesNotExist().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void duplicateDecisionFlowKeyIs409() {
        Map<String, Object> flow = Map.of("key", "default", "name", "Default", "status", "active", "limit", 3);
        post(web, admin, "/admin/v1/decision-flows", flow).exchange().expectStatus().isCreated();
        post(web, admin, "/admin/v1/decision-flows", flow).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void systemOutcomeTypesAreReadableButReadOnly() {
        get(web, admin, "/admin/v1/outcome-types/click").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.system").isEqualTo(true);
        put(web, admin, "/admin/v1/outcome-types/click", Map.of("key", "click", "name", "Klick", "classification", "positive", "category", "response"))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void listIsPagedByCursor() {
        IntStream.rangeClosed(1, 5).forEach(i -> post(web, admin, "/admin/v1/offers", AdminFixtures.coffeeOffer("o" + i)).exchange().expectStatus().isCreated());
        get(web, admin, "/admin/v1/offers?limit=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo("o1").jsonPath("$.items[1].id").isEqualTo("o2").jsonPath("$.nextCursor").isEqualTo("o2");
        get(web, admin, "/admin/v1/offers?limit=2&after=o4").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo("o5").jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void bulkUpsertOfCustomersIsAllOrNothing() {
        post(web, admin, "/admin/v1/customers/bulk", List.of(Map.of("id", "SBX-000001"), Map.of("id", "SBX-000002", "segments", "not-a-list")))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields['[1].segments']").exists();
        get(web, admin, "/admin/v1/customers/SBX-000001").exchange().expectStatus().isNotFound();

        post(web, admin, "/admin/v1/customers/bulk", List.of(Map.of("id", "SBX-000001", "segments", List.of("new")),
                Map.of("id", "SBX-000002", "attributes", Map.of("tier", "gold")))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.upserted").isEqualTo(2);
        get(web, admin, "/admin/v1/customers/SBX-000002").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.attributes.tier").isEqualTo("gold");
    }

    @Test
    void creditTopUpIsAcceptedWithAnEntryId() {
        post(web, admin, "/admin/v1/credit/top-ups", Map.of("amount", 500, "reference", "invoice-1")).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.type").isEqualTo("top_up").jsonPath("$.amount").isEqualTo(500).jsonPath("$.entryId").exists();
    }

    @Test
    void nonPositiveTopUpIs422() {
        post(web, admin, "/admin/v1/credit/top-ups", Map.of("amount", 0)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.fields.amount").exists();
    }

    private String issueKey(TenantAdmin owner, String kind) {
        byte[] body = post(web, owner, "/admin/v1/api-keys", Map.of("name", kind + " key", "kind", kind)).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return Json.mapper().readTree(body).get("key").asString();
    }
}
