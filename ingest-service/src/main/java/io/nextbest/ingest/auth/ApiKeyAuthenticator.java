package io.nextbest.ingest.auth;

import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a raw API key against the hashed keys of the {@code catalog.api-keys} read model held
 * locally: the key's public prefix finds the one candidate of the claimed tenant, the HMAC is
 * compared in constant time, and revoked, expired and non-{@code api} keys are refused. A key of
 * another tenant is simply not found under the claimed tenant, so a mismatch is a 401 as well.
 */
public class ApiKeyAuthenticator {

    /** The key kind that may call the collector and respond (admin and experiment keys may not). */
    static final String API_KIND = "api";

    private final IngestReadModels readModels;
    private final ApiKeyHashing hashing;
    private final Clock clock;

    public ApiKeyAuthenticator(IngestReadModels readModels, ApiKeyHashing hashing, Clock clock) {
        this.readModels = readModels;
        this.hashing = hashing;
        this.clock = clock;
    }

    /** The caller's key, or {@link UnauthorizedException} naming no detail an attacker could use. */
    public AuthenticatedKey authenticate(String claimedTenant, String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            throw new UnauthorizedException("Missing API key");
        }
        TenantId tenant = tenantOrNull(claimedTenant);
        Optional<String> keyId = ApiKeyHashing.prefixOf(rawKey.strip());
        if (tenant == null || keyId.isEmpty()) {
            throw UnauthorizedException.invalidKey();
        }
        ApiKey key = readModels.apiKey(tenant, keyId.get()).orElseThrow(UnauthorizedException::invalidKey);
        boolean hashMatches = hashing.matches(rawKey.strip(), key.hash());
        if (!hashMatches || key.revoked() || isExpired(key) || !API_KIND.equals(key.kind())) {
            throw UnauthorizedException.invalidKey();
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
