package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact-policy stage: per-customer suppression over the contact history, then business-wide
 * volume caps. Active policies run in priority order, highest first (ties by id); the first
 * blocking policy that fires removes the candidate. An {@code allow_override} policy whose scope
 * matches the candidate lifts every blocking policy for it, except policies marked
 * {@code config.bypassable: false}. Mandatory offers likewise skip every blocking policy except
 * {@code frequency_cap}, {@code cross_channel_cap} and non-bypassable ones. Volume caps apply to
 * every candidate, mandatory or not, because they protect the business rather than the customer.
 */
public final class ContactPolicies {

    private ContactPolicies() {
    }

    public static ContactPolicyResult evaluate(
            List<Qualified> qualified, List<ContactPolicy> policies, List<VolumeCap> caps, VolumeCounts counts,
            ContactHistory history, DecisionContext context) {
        // Ordered, with their scopes and configs resolved once per request, not once per candidate.
        List<ScopedPolicy> ordered = policies.stream()
                .filter(p -> p.status() == null || "active".equals(p.status()))
                .sorted(Comparator.comparingInt(ContactPolicy::priority).reversed()
                        .thenComparing(ContactPolicy::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ScopedPolicy::of)
                .toList();
        PolicyChecks checks = new PolicyChecks(context, history);
        // A category or channel cap covers many candidates; its count is read once per request.
        Map<VolumeCap, Long> volumes = new IdentityHashMap<>();
        VolumeCounts countedOnce = cap -> volumes.computeIfAbsent(cap, counts::current);
        List<Qualified> allowed = new ArrayList<>();
        List<Drop> drops = new ArrayList<>();
        for (Qualified q : qualified) {
            String reason = policyBlock(q.candidate(), ordered, checks, context);
            if (reason == null) {
                reason = VolumeCapCheck.block(q.candidate(), caps, countedOnce);
            }
            if (reason == null) {
                allowed.add(q);
            } else {
                drops.add(new Drop(q.candidateOfferId(), Drop.CONTACT_POLICY, reason));
            }
        }
        return new ContactPolicyResult(allowed, drops);
    }

    private static String policyBlock(Candidate candidate, List<ScopedPolicy> policies, PolicyChecks checks,
            DecisionContext context) {
        boolean overridden = false;
        for (ScopedPolicy p : policies) {
            if (p.override() && appliesToAny(p.scopes(), candidate, context)) {
                overridden = true;
                break;
            }
        }
        for (ScopedPolicy p : policies) {
            if (p.override() || isBypassed(p, candidate, overridden)) {
                continue;
            }
            for (PolicyScope scope : p.scopes()) {
                if (scope.applies(candidate, context)) {
                    String reason = checks.block(p, scope, candidate);
                    if (reason != null) {
                        return reason;
                    }
                }
            }
        }
        return null;
    }

    private static boolean appliesToAny(List<PolicyScope> scopes, Candidate candidate, DecisionContext context) {
        for (PolicyScope scope : scopes) {
            if (scope.applies(candidate, context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBypassed(ScopedPolicy policy, Candidate candidate, boolean overridden) {
        if (!policy.bypassable()) {
            return false;
        }
        if (overridden) {
            return true;
        }
        return candidate.mandatory() && !policy.obeyedByMandatory();
    }
}
