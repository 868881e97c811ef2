package io.nextbest.support.auth;

import io.nextbest.model.tenant.TenantId;

/** A checked API key: the tenant it is bound to and its public id (the rate-limit bucket). */
public record AuthenticatedKey(TenantId tenant, String keyId) {
}
