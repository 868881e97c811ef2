package io.nextbest.model.stats;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;

/**
 * The scopes {@code offer-stats} is kept at. Keys are {@link TenantKey}s whose id is
 * {@code <scope>:<id>}, so the wire form reads {@code tenant:offer:o-1},
 * {@code tenant:offer-channel:o-1|web} or {@code tenant:global:all}; the decision service builds
 * the same keys with {@link #key} to look a scope up in its GlobalKTable.
 */
public enum StatsScope {
    OFFER("offer"),
    CATEGORY("category"),
    CHANNEL("channel"),
    OFFER_CHANNEL("offer-channel"),
    GLOBAL("global");

    /** The id of the one {@link #GLOBAL} scope of a tenant. */
    public static final String GLOBAL_ID = "all";

    private final String wireName;

    StatsScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scope whose {@link #wireName} is {@code wireName}, else null. */
    public static StatsScope fromWireName(String wireName) {
        for (StatsScope scope : values()) {
            if (scope.wireName.equals(wireName)) {
                return scope;
            }
        }
        return null;
    }

    public TenantKey key(TenantId tenant, String id) {
        return new TenantKey(tenant, wireName + ':' + id);
    }

    /** The offer × channel id; '|' rather than ':' so the scope prefix stays the only ':' the key adds. */
    public static String offerChannelId(String offerId, String channelId) {
        return offerId + '|' + channelId;
    }
}
