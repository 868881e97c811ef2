package io.nextbest.catalog.apikey;

import io.nextbest.catalog.system.CatalogProperties;
import io.nextbest.catalog.system.CatalogSettings;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.auth.ForbiddenException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks admin API credentials. A tenant admin key is looked up by its public prefix and its
 * HMAC compared in constant time; it must be of kind {@code admin}, not revoked, not expired. The
 * bootstrap credential comes from {@code nextbest.catalog.bootstrap-admin-key}, or, when that is
 * blank, is generated once, printed once, and kept only as its hash.
 */
@Component
public class AdminCredentials {

    private static final Logger log = LoggerFactory.getLogger(AdminCredentials.class);
    static final String BOOTSTRAP_HASH_SETTING = "bootstrap-admin-key-hash";

    private final DatabaseClient db;
    private final ApiKeyHashing hashing;
    private final CatalogSettings settings;
    private final String configuredBootstrapKey;
    private volatile String bootstrapHash;

    AdminCredentials(DatabaseClient db, @Value("${nextbest.security.api-key-pepper}") String pepper, CatalogSettings settings,
            CatalogProperties properties) {
        this.db = db;
        this.hashing = new ApiKeyHashing(pepper);
        this.settings = settings;
        this.configuredBootstrapKey = properties.bootstrapAdminKey();
    }

    /** True when the raw credential is the bootstrap operator key. */
    public Mono<Boolean> isBootstrap(String raw) {
        return bootstrapHash().map(hash -> hashing.matches(raw, hash)).defaultIfEmpty(false);
    }

    /** The tenant whose valid admin key this is, or empty; see {@link #tenantOfKey}. */
    public Mono<KeyHolder> tenantOfAdminKey(String raw) {
        return tenantOfKey(raw, Set.of("admin"));
    }

    /**
     * The holder of a valid (known, matching, unrevoked, unexpired) key of one of the kinds, or empty.
     * Whether the key is restricted by scopes is for the caller to act on, after it checked the tenant:
     * a restricted key of another tenant must look as invalid as any other key of another tenant.
     */
    public Mono<KeyHolder> tenantOfKey(String raw, Set<String> kinds) {
        Optional<String> prefix = ApiKeyHashing.prefixOf(raw);
        if (prefix.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("SELECT tenant_id, kind, hash, revoked, expires_at, "
                        + "CASE WHEN jsonb_typeof(body->'scopes') = 'array' THEN jsonb_array_length(body->'scopes') > 0 ELSE false END AS restricted "
                        + "FROM api_keys WHERE id = :id")
                .bind("id", prefix.get())
                .map((row, meta) -> new StoredKey(row.get("tenant_id", String.class), row.get("kind", String.class),
                        row.get("hash", String.class), Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
                        row.get("expires_at", Instant.class), Boolean.TRUE.equals(row.get("restricted", Boolean.class))))
                .one()
                .filter(key -> hashing.matches(raw, key.hash()) && key.usable(kinds, Instant.now()))
                .map(key -> new KeyHolder(new TenantId(key.tenant()), key.restricted()));
    }

    /** Makes sure a bootstrap credential exists; generates, stores (hashed) and prints one on first start. */
    public Mono<Void> ensureBootstrapCredential() {
        if (configuredBootstrapKey != null && !configuredBootstrapKey.isBlank()) {
            return Mono.empty();
        }
        return settings.get(BOOTSTRAP_HASH_SETTING).hasElement().flatMap(present -> {
            if (present) {
                return Mono.empty();
            }
            String raw = ApiKeyHashing.newRawKey();
            return settings.putIfAbsent(BOOTSTRAP_HASH_SETTING, hashing.hash(raw)).doOnNext(stored -> {
                if (stored) {
                    // Printed once, on purpose: it is the only way the operator learns it.
                    log.info("Generated the bootstrap admin credential (shown only now; set NEXTBEST_CATALOG_BOOTSTRAP_ADMIN_KEY to fix it): {}", raw);
                }
            }).then();
        });
    }

    private Mono<String> bootstrapHash() {
        if (configuredBootstrapKey != null && !configuredBootstrapKey.isBlank()) {
            return Mono.just(hashing.hash(configuredBootstrapKey));
        }
        String cached = bootstrapHash;
        if (cached != null) {
            return Mono.just(cached);
        }
        return settings.get(BOOTSTRAP_HASH_SETTING).doOnNext(hash -> bootstrapHash = hash);
    }

    /** The tenant a valid key belongs to, and whether scopes restrict it (no admin or upload route needs a scope). */
    public record KeyHolder(TenantId tenant, boolean restricted) {

        /** The tenant, or {@link ForbiddenException} for a restricted key. */
        public Mono<TenantId> unlessRestricted() {
            return restricted ? Mono.error(ForbiddenException.restrictedKey()) : Mono.just(tenant);
        }
    }

    private record StoredKey(String tenant, String kind, String hash, boolean revoked, Instant expiresAt, boolean restricted) {
        boolean usable(Set<String> kinds, Instant now) {
            return kinds.contains(kind) && !revoked && (expiresAt == null || expiresAt.isAfter(now));
        }
    }
}
