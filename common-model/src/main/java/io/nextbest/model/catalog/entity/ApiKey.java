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
 * @param scopes empty (the default) is a full-access key of its kind; a non-empty list restricts
 *               the key to routes that need one of its scopes, and no route of this platform does
 *               (the decisioning API's only scope, {@code scim}, names routes it does not serve)
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

    /** Whether the key carries scopes, which restrict it (see {@code scopes}). */
    public boolean restricted() {
        return scopes != null && !scopes.isEmpty();
    }
}
