package io.nextbest.model.tenant;

/**
 * The key of every tenant-scoped topic record: tenant plus an entity id (a customer, an anonymous
 * user, an offer...). Its wire form {@code tenant:id} is what Kafka hashes to pick the partition,
 * so one customer's records of one tenant always land on the same partition and instance.
 */
public record TenantKey(TenantId tenant, String id) {

    static final char SEPARATOR = ':';
    private static final int MAX_ID_LENGTH = 512;

    public TenantKey {
        if (tenant == null) {
            throw new IllegalArgumentException("tenant is required");
        }
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid id '" + id + "': 1-" + MAX_ID_LENGTH + " characters, not blank");
        }
    }

    public static TenantKey of(String tenant, String id) {
        return new TenantKey(new TenantId(tenant), id);
    }

    /** Inverse of {@link #wireForm()}; the id may itself contain ':' since only the first one separates. */
    public static TenantKey parse(String wireForm) {
        int at = wireForm.indexOf(SEPARATOR);
        if (at <= 0) {
            throw new IllegalArgumentException("invalid tenant key '" + wireForm + "': expected tenant:id");
        }
        return new TenantKey(new TenantId(wireForm.substring(0, at)), wireForm.substring(at + 1));
    }

    public String wireForm() {
        return tenant.value() + SEPARATOR + id;
    }

    @Override
    public String toString() {
        return wireForm();
    }
}
