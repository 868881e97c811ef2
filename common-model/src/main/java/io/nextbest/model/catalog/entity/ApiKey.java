package io.nextbest.model.catalog.entity;

import java.time.Instant;
import java.util.List;

/**
 * An API key as every service sees it: never the raw key, only HMAC-SHA256(pepper, raw key) in
 * lowercase hex. {@code id} is the key's public lookup prefix (the part of the raw key before the
 * secret), so a service finds the candidate hash by tenant + prefix and compares in constant time.
 *
 * @param kind   {@code admin} (admin API), {@code api} (decisioning and collector) or
 *               {@code experiment} (experiment predictions); see README
 * @param scopes empty means every route of the kind
 */
public record ApiKey(
        String id,
        String name,
        String kind,
        String hash,
        List<String> scopes,
        Instant expiresAt,
        boolean revoked,
        Instant createdAt) {
}
