package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.ContactPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One scope of a contact policy, resolved against a candidate: whether the policy applies to it,
 * which past contacts count towards it, and the label the trace uses ({@code global},
 * {@code offer:o1}). A non-global scope without {@code scopeId} means "the candidate's own" offer,
 * creative, channel or category, so {@code frequency_cap} on scope {@code offer} is a cap per offer.
 */
record PolicyScope(String kind, String id) {

    static List<PolicyScope> of(ContactPolicy policy) {
        if (policy.scopes() == null || policy.scopes().isEmpty()) {
            return List.of(new PolicyScope("global", null));
        }
        return policy.scopes().stream()
                .map(s -> new PolicyScope(s.scope() == null ? "global" : s.scope(), s.scopeId())).toList();
    }

    boolean applies(Candidate candidate, DecisionContext context) {
        switch (kind) {
            case "global":
                return true;
            case "offer":
                return id == null || id.equals(candidate.offerId());
            case "creative":
                return id == null || creativeIds(candidate).contains(id);
            case "channel":
                return id == null || candidate.options().stream()
                        .anyMatch(o -> id.equals(o.channel().id()) || id.equalsIgnoreCase(o.channel().type()));
            case "category":
            case "subcategory":
                return id == null || id.equals(candidate.offer().categoryId()) || id.equals(candidate.offer().subCategoryId());
            case "segment":
                return id != null && context.segments().contains(id);
            case "placement":
                return id == null || id.equals(context.placement());
            default:
                return false;
        }
    }

    /** The past contacts this scope counts for {@code candidate}. */
    Predicate<ContactEvent> counts(Candidate candidate) {
        switch (kind) {
            case "offer":
                return e -> Objects.equals(e.offerId(), id == null ? candidate.offerId() : id);
            case "creative":
                Set<String> creatives = id == null ? creativeIds(candidate) : Set.of(id);
                return e -> creatives.contains(e.creativeId());
            case "channel":
                Set<String> channels = candidate.options().stream()
                        .filter(o -> id == null || id.equals(o.channel().id()) || id.equalsIgnoreCase(o.channel().type()))
                        .map(o -> o.channel().id()).collect(Collectors.toSet());
                return e -> channels.contains(e.channelId());
            case "category":
            case "subcategory":
                String category = id == null ? candidate.offer().categoryId() : id;
                return e -> Objects.equals(e.categoryId(), category);
            default:
                return e -> true;
        }
    }

    String label(Candidate candidate) {
        if ("global".equals(kind)) {
            return "global";
        }
        return kind + ":" + (id != null ? id : "offer".equals(kind) ? candidate.offerId()
                : "category".equals(kind) ? candidate.offer().categoryId() : "own");
    }

    private static Set<String> creativeIds(Candidate candidate) {
        return candidate.options().stream().map(o -> o.creative().id()).collect(Collectors.toSet());
    }
}
