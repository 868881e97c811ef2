package io.nextbest.catalog.admin;

import io.nextbest.model.tenant.TenantId;
import java.util.Optional;

/**
 * Who is calling the admin API: a tenant's admin key (always scoped to that tenant), or the
 * bootstrap operator credential, which may create tenants and act on the tenant named by
 * {@code X-Tenant-Id}.
 */
record AdminCaller(Optional<TenantId> tenant, boolean bootstrap) {

    static AdminCaller tenantAdmin(TenantId tenant) {
        return new AdminCaller(Optional.of(tenant), false);
    }

    static AdminCaller operator(Optional<TenantId> tenant) {
        return new AdminCaller(tenant, true);
    }

    /** The tenant every read and write of this call is scoped to. */
    TenantId requireTenant() {
        return tenant.orElseThrow(() -> new AdminException(400, "TENANT_REQUIRED", "the X-Tenant-Id header is required"));
    }
}
