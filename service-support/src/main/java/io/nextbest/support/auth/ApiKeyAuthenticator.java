package io.nextbest.support.auth;

import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.http.RequestHeaders;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * Checks a raw API key against the hashed keys of the {@code catalog.api-keys} read model held
 * locally: the key's public prefix finds the one candidate of the claimed tenant, the HMAC is
 * compared in constant time, and revoked, expired keys and keys of a kind the route does not take
 * are refused (by default experiment-only keys; the experiment prediction route takes them), and a
 * genuine key restricted by scopes is refused with 403 ({@link ForbiddenException}). A key
 * of another tenant is simply not found under the claimed tenant, so a mismatch is a 401 as well.
 * Shared by every service that serves a public API; each supplies the lookup in its own read model.
 */
public class ApiKeyAuthenticator {

    /**
     * The key kinds that may call the public APIs: {@code api} keys, and {@code admin} keys, which
     * have full access as the decisioning API's unscoped keys do (so one demo key serves the admin
     * API and the seeds' clients alike). {@code experiment} keys may not.
     */
    public static final Set<String> PUBLIC_API_KINDS = Set.of("api", "admin");
    /**
     * The key kinds the personalization API's experiment predictions take: its "Experiment API
     * key" ({@code experiment}), and {@code admin} keys for the same full-access reason.
     */
    public static final Set<String> EXPERIMENT_API_KINDS = Set.of("experiment", "admin");
    public static final String TENANT_HEADER = "X-Tenant-Id";
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final Lookup keys;
    private final ApiKeyHashing hashing;
    private final Clock clock;

    public ApiKeyAuthenticator(Lookup keys, ApiKeyHashing hashing, Clock clock) {
        this.keys = keys;
        this.hashing = hashing;
        this.clock = clock;
    }

    /**
     * Finds a tenant's API key by its public prefix in the caller's local {@code catalog.api-keys}
     * store; a store still loading throws the service's own 503 exception rather than answering empty.
     */
    @FunctionalInterface
    public interface Lookup {
        Optional<ApiKey> apiKey(TenantId tenant, String keyId);
    }

    /** The raw key of a request: {@code X-API-Key}, else the token of {@code Authorization: Bearer}. */
    public static String rawKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null) {
            return apiKeyHeader;
        }
        return authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : null;
    }

    /**
     * The decisioning API's caller: the tenant in {@code X-Tenant-Id}, the key in {@code X-API-Key}
     * or {@code Authorization: Bearer}.
     */
    public AuthenticatedKey authenticate(HttpHeaders headers) {
        return authenticate(RequestHeaders.value(headers, TENANT_HEADER), rawKey(RequestHeaders.value(headers, API_KEY_HEADER),
                RequestHeaders.value(headers, HttpHeaders.AUTHORIZATION)));
    }

    /** The caller's key, or {@link UnauthorizedException} naming no detail an attacker could use. */
    public AuthenticatedKey authenticate(String claimedTenant, String rawKey) {
        return authenticate(claimedTenant, rawKey, PUBLIC_API_KINDS);
    }

    /** As {@link #authenticate(String, String)}, for a route that takes keys of {@code kinds}. */
    public AuthenticatedKey authenticate(String claimedTenant, String rawKey, Set<String> kinds) {
        if (rawKey == null || rawKey.isBlank()) {
            throw new UnauthorizedException("Missing API key");
        }
        TenantId tenant = tenantOrNull(claimedTenant);
        Optional<String> keyId = ApiKeyHashing.prefixOf(rawKey.strip());
        if (tenant == null || keyId.isEmpty()) {
            throw UnauthorizedException.invalidKey();
        }
        ApiKey key = keys.apiKey(tenant, keyId.get()).orElseThrow(UnauthorizedException::invalidKey);
        boolean hashMatches = hashing.matches(rawKey.strip(), key.hash());
        if (!hashMatches || key.revoked() || isExpired(key) || !kinds.contains(key.kind())) {
            throw UnauthorizedException.invalidKey();
        }
        if (key.restricted()) {
            throw ForbiddenException.restrictedKey();
        }
        return new AuthenticatedKey(tenant, key.id());
    }

    private boolean isExpired(ApiKey key) {
        return key.expiresAt() != null && !key.expiresAt().isAfter(clock.instant());
    }

    private static TenantId tenantOrNull(String value) {
        try {
            return value == null ? null : new TenantId(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
