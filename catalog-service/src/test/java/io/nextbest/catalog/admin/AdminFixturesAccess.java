package io.nextbest.catalog.admin;

import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Admin API calls for tests outside the admin package: a fresh tenant and requests with its admin key. */
public final class AdminFixturesAccess {

    private AdminFixturesAccess() {
    }

    public static Admin admin(WebTestClient web) {
        return new Admin(web, AdminFixtures.newTenantWithAdminKey(web));
    }

    public record Admin(WebTestClient web, AdminFixtures.TenantAdmin admin) {
        public String tenant() {
            return admin.tenant();
        }

        public String key() {
            return admin.key();
        }

        public WebTestClient.RequestHeadersSpec<?> get(String path) {
            return AdminFixtures.get(web, admin, path);
        }

        public WebTestClient.RequestHeadersSpec<?> post(String path, Object body) {
            return AdminFixtures.post(web, admin, path, body);
        }

        public WebTestClient.RequestHeadersSpec<?> put(String path, Map<String, Object> body) {
            return AdminFixtures.put(web, admin, path, body);
        }

        public WebTestClient.RequestHeadersSpec<?> delete(String path) {
            return AdminFixtures.delete(web, admin, path);
        }
    }
}
