package io.nextbest.decision.contact;

import io.nextbest.model.catalog.entity.ContactPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contact policy as one request applies it: its scopes, whether it is an override, who may
 * bypass it and, for the cap types, its windows, all read from the policy's config once per
 * request instead of once per candidate (the config is a map of loosely typed values).
 *
 * @param bypassable        false when {@code config.bypassable} is {@code false}: neither an override nor
 *                          a mandatory offer lifts it
 * @param obeyedByMandatory whether mandatory offers obey it even when it is bypassable
 * @param capWindows        the {@code frequency_cap}/{@code cross_channel_cap} windows in checking order
 */
record ScopedPolicy(ContactPolicy policy, List<PolicyScope> scopes, boolean override, boolean bypassable,
        boolean obeyedByMandatory, List<PolicyChecks.CapWindow> capWindows) {

    private static final Set<String> MANDATORY_STILL_OBEYS = Set.of("frequency_cap", "cross_channel_cap");

    static ScopedPolicy of(ContactPolicy policy) {
        Map<String, Object> config = policy.config() == null ? Map.of() : policy.config();
        return new ScopedPolicy(policy, PolicyScope.of(policy), "allow_override".equals(policy.ruleType()),
                !Boolean.FALSE.equals(config.get("bypassable")), MANDATORY_STILL_OBEYS.contains(policy.ruleType()),
                PolicyChecks.capWindows(config));
    }

    Map<String, Object> config() {
        return policy.config() == null ? Map.of() : policy.config();
    }
}
