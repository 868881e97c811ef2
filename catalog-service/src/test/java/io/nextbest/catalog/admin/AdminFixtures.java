package io.nextbest.catalog.admin;

import io.nextbest.model.json.Json;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Named builders for admin API calls: a fresh tenant with its first admin key, and entity bodies. */
final class AdminFixtures {

    static final String BOOTSTRAP = io.nextbest.catalog.CatalogIntegrationTest.BOOTSTRAP_KEY;

    private AdminFixtures() {
    }

    record TenantAdmin(String tenant, String key) {
    }

    static TenantAdmin newTenantWithAdminKey(WebTestClient web) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        web.post().uri("/admin/v1/tenants").header("X-API-Key", BOOTSTRAP).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", tenant, "name", "Tenant " + tenant)).exchange().expectStatus().isCreated();
        byte[] body = web.post().uri("/admin/v1/api-keys").header("X-API-Key", BOOTSTRAP).header("X-Tenant-Id", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "first admin", "kind", "admin"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        JsonNode issued = Json.mapper().readTree(body);
        return new TenantAdmin(tenant, issued.get("key").asString());
    }

    static WebTestClient.RequestHeadersSpec<?> get(WebTestClient web, TenantAdmin admin, String path) {
        return web.get().uri(path).header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant());
    }

    static WebTestClient.RequestHeadersSpec<?> post(WebTestClient web, TenantAdmin admin, String path, Object body) {
        return web.post().uri(path).header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    static WebTestClient.RequestHeadersSpec<?> put(WebTestClient web, TenantAdmin admin, String path, Object body) {
        return web.put().uri(path).header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    static WebTestClient.RequestHeadersSpec<?> delete(WebTestClient web, TenantAdmin admin, String path) {
        return web.delete().uri(path).header("X-API-Key", admin.key()).header("X-Tenant-Id", admin.tenant());
    }

    static Map<String, Object> coffeeOffer(String id) {
        return Map.of("id", id, "name", "Starbucks: Discount — 10 Day Low", "status", "active", "priority", 70, "businessValue", 40,
                "categoryId", "retention", "tags", java.util.List.of("discount"));
    }
}
