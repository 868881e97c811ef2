package io.nextbest.decision.candidate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about one recommend call that the decisioning core reads: who is asking, for which
 * channel and placement, what the customer is known to be, and the instant the decision is made
 * at. Built once per request by the HTTP layer; the core never reads a clock itself, so every
 * stage is a pure function of this record and the catalog.
 *
 * @param channel    channel <em>type</em> (e.g. {@code email}); null means any
 * @param channelId  a specific channel id; null means any
 * @param placement  placement key (e.g. {@code hero_banner}); null means any
 * @param segments   the request's segments plus the customer profile's
 * @param attributes request-time attributes ({@code attributes.*} in formulas)
 * @param customer   the customer profile's attributes ({@code customer.*} in formulas)
 */
public record DecisionContext(
        String tenantId,
        String customerId,
        String recommendationId,
        String channel,
        String channelId,
        String placement,
        Set<String> segments,
        Map<String, Object> attributes,
        Map<String, Object> customer,
        Set<String> excludeOffers,
        Set<String> excludeCreatives,
        Instant now) {

    public DecisionContext {
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        attributes = attributes == null ? Map.of() : attributes;
        customer = customer == null ? Map.of() : customer;
        excludeOffers = excludeOffers == null ? Set.of() : Set.copyOf(excludeOffers);
        excludeCreatives = excludeCreatives == null ? Set.of() : Set.copyOf(excludeCreatives);
        if (now == null) {
            throw new IllegalArgumentException("now is required: the core never reads a clock");
        }
    }

    /** The same request aimed at another placement, for multi-placement resolution. */
    public DecisionContext withPlacement(String otherPlacement, Set<String> moreExcludedOffers) {
        Set<String> excluded = new java.util.HashSet<>(excludeOffers);
        excluded.addAll(moreExcludedOffers);
        return new DecisionContext(tenantId, customerId, recommendationId, channel, channelId, otherPlacement,
                segments, attributes, customer, excluded, excludeCreatives, now);
    }

    /** Convenience for callers that hold segments as a list. */
    public static Set<String> segmentsOf(List<String> request, List<String> profile) {
        Set<String> all = new java.util.LinkedHashSet<>();
        if (request != null) {
            all.addAll(request);
        }
        if (profile != null) {
            all.addAll(profile);
        }
        return all;
    }
}
