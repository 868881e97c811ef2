package io.nextbest.catalog.apikey;

import io.nextbest.catalog.entities.EntityNotFound;
import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Issues and revokes API keys. The raw key exists only in the issuing call's answer; the
 * database and {@code catalog.api-keys} keep HMAC-SHA256(pepper, key) and the public prefix.
 */
@Component
public class ApiKeys {

    private final EntityStore store;
    private final ApiKeyHashing hashing;

    ApiKeys(EntityStore store, @Value("${nextbest.security.api-key-pepper}") String pepper) {
        this.store = store;
        this.hashing = new ApiKeyHashing(pepper);
    }

    /** A key and the one moment its raw form is known. */
    public record Issued(String key, ApiKey apiKey) {
    }

    /** Issues a new random key. */
    public Mono<Issued> issue(TenantId tenant, ApiKey request) {
        return issue(tenant, request, ApiKeyHashing.newRawKey());
    }

    /** Registers a given raw key (the demo tenant's fixed key); it must be well formed. */
    public Mono<Issued> issue(TenantId tenant, ApiKey request, String rawKey) {
        String prefix = ApiKeyHashing.prefixOf(rawKey).orElseThrow(() -> new IllegalArgumentException("not a well-formed API key"));
        ApiKey key = new ApiKey(prefix, request.name(), request.kind(), hashing.hash(rawKey),
                request.scopes() == null ? List.of() : request.scopes(), request.expiresAt(), false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return store.insert(type(), tenant, key).map(stored -> new Issued(rawKey, stored));
    }

    public Mono<ApiKey> revoke(TenantId tenant, String id) {
        return store.find(type(), tenant, id)
                .switchIfEmpty(Mono.error(new EntityNotFound(CatalogEntity.API_KEY.wireName(), id)))
                .map(key -> new ApiKey(key.id(), key.name(), key.kind(), key.hash(), key.scopes(), key.expiresAt(), true, key.createdAt()))
                .flatMap(revoked -> store.update(type(), tenant, revoked));
    }

    private static EntityType<ApiKey> type() {
        return EntityTypes.of(CatalogEntity.API_KEY);
    }
}
