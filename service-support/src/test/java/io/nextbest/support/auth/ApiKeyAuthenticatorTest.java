package io.nextbest.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ApiKeyAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");

    private final ApiKeyHashing hashing = new ApiKeyHashing("a-test-pepper-of-32-characters!!");
    private final Map<TenantKey, ApiKey> keys = new HashMap<>();
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
            (tenant, id) -> Optional.ofNullable(keys.get(new TenantKey(tenant, id))), hashing, Clock.fixed(NOW, ZoneOffset.UTC));

    private String issued(TenantId tenant, String kind, Instant expiresAt, boolean revoked) {
        return issued(tenant, kind, List.of(), expiresAt, revoked);
    }

    private String issued(TenantId tenant, String kind, List<String> scopes, Instant expiresAt, boolean revoked) {
        String raw = ApiKeyHashing.newRawKey();
        String id = ApiKeyHashing.prefixOf(raw).orElseThrow();
        keys.put(new TenantKey(tenant, id), new ApiKey(id, "key", kind, hashing.hash(raw), scopes, expiresAt, revoked, NOW));
        return raw;
    }

    @Test
    void aValidApiKeyOfTheClaimedTenantAuthenticates() {
        String raw = issued(COFFEE, "api", null, false);

        AuthenticatedKey key = authenticator.authenticate("coffee", raw);

        assertThat(key.tenant()).isEqualTo(COFFEE);
        assertThat(key.keyId()).isEqualTo(ApiKeyHashing.prefixOf(raw).orElseThrow());
    }

    @Test
    void aKeyOfAnotherTenantIsRefused() {
        String raw = issued(TEA, "api", null, false);

        assertThatThrownBy(() -> authenticator.authenticate("coffee", raw))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Invalid API key or tenant");
    }

    @Test
    void anAdminKeyHasFullAccessIncludingThePublicApis() {
        String raw = issued(COFFEE, "admin", null, false);

        assertThat(authenticator.authenticate("coffee", raw).tenant()).isEqualTo(COFFEE);
    }

    @Test
    void revokedExpiredAndExperimentOnlyKeysAreRefused() {
        String revoked = issued(COFFEE, "api", null, true);
        String expired = issued(COFFEE, "api", NOW, false);
        String experiment = issued(COFFEE, "experiment", null, false);

        for (String raw : List.of(revoked, expired, experiment)) {
            assertThatThrownBy(() -> authenticator.authenticate("coffee", raw)).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void theExperimentRouteTakesExperimentAndAdminKeysButNotApiKeys() {
        String experiment = issued(COFFEE, "experiment", null, false);
        String admin = issued(COFFEE, "admin", null, false);
        String api = issued(COFFEE, "api", null, false);

        assertThat(authenticator.authenticate("coffee", experiment, ApiKeyAuthenticator.EXPERIMENT_API_KINDS).tenant()).isEqualTo(COFFEE);
        assertThat(authenticator.authenticate("coffee", admin, ApiKeyAuthenticator.EXPERIMENT_API_KINDS).tenant()).isEqualTo(COFFEE);
        assertThatThrownBy(() -> authenticator.authenticate("coffee", api, ApiKeyAuthenticator.EXPERIMENT_API_KINDS))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Invalid API key or tenant");
    }

    @Test
    void aKeyRestrictedByScopesIsForbiddenOnEveryRouteOfItsKind() {
        String scim = issued(COFFEE, "api", List.of("scim"), null, false);
        String scimAdmin = issued(COFFEE, "admin", List.of("scim"), null, false);

        assertThatThrownBy(() -> authenticator.authenticate("coffee", scim))
                .isExactlyInstanceOf(ForbiddenException.class)
                .hasMessage("This API key is restricted by its scopes and may not call this endpoint");
        assertThatThrownBy(() -> authenticator.authenticate("coffee", scimAdmin, ApiKeyAuthenticator.EXPERIMENT_API_KINDS))
                .isExactlyInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRestrictedKeyThatIsNotGenuineIsUnauthorizedNotForbidden() {
        String scim = issued(COFFEE, "api", List.of("scim"), null, false);
        String forged = scim.substring(0, scim.length() - 1) + (scim.endsWith("a") ? "b" : "a");
        String revoked = issued(COFFEE, "api", List.of("scim"), null, true);

        for (String raw : List.of(forged, revoked)) {
            assertThatThrownBy(() -> authenticator.authenticate("coffee", raw))
                    .isExactlyInstanceOf(UnauthorizedException.class).hasMessage("Invalid API key or tenant");
        }
        assertThatThrownBy(() -> authenticator.authenticate("tea", scim)).isExactlyInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aKnownPrefixWithAWrongSecretIsRefused() {
        String raw = issued(COFFEE, "api", null, false);
        String forged = raw.substring(0, raw.length() - 1) + (raw.endsWith("a") ? "b" : "a");

        assertThatThrownBy(() -> authenticator.authenticate("coffee", forged)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aMissingKeyIsRefusedAsMissing() {
        assertThatThrownBy(() -> authenticator.authenticate("coffee", " "))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Missing API key");
    }

    @Test
    void theRawKeyComesFromXApiKeyElseFromABearerToken() {
        assertThat(ApiKeyAuthenticator.rawKey("k1", "Bearer k2")).isEqualTo("k1");
        assertThat(ApiKeyAuthenticator.rawKey(null, "Bearer k2")).isEqualTo("k2");
        assertThat(ApiKeyAuthenticator.rawKey(null, "Basic abc")).isNull();
    }

    @Test
    void theDecisioningHeadersNameTheTenantAndTheKey() {
        String raw = issued(COFFEE, "api", null, false);
        HttpHeaders byApiKey = new HttpHeaders();
        byApiKey.add("X-Tenant-Id", "coffee");
        byApiKey.add("X-API-Key", raw);
        assertThat(authenticator.authenticate(byApiKey).tenant()).isEqualTo(COFFEE);
        HttpHeaders byBearer = new HttpHeaders();
        byBearer.add("X-Tenant-Id", "coffee");
        byBearer.add(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        assertThat(authenticator.authenticate(byBearer).tenant()).isEqualTo(COFFEE);
        HttpHeaders noKey = new HttpHeaders();
        noKey.add("X-Tenant-Id", "coffee");
        assertThatThrownBy(() -> authenticator.authenticate(noKey)).isInstanceOf(UnauthorizedException.class).hasMessage("Missing API key");
        // A repeated key header is read as its values joined, as a @RequestHeader String argument did: no key.
        byApiKey.add("X-API-Key", raw);
        assertThatThrownBy(() -> authenticator.authenticate(byApiKey)).isInstanceOf(UnauthorizedException.class);
    }
}
