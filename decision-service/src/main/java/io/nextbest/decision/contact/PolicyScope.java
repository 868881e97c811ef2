package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.ContactPolicy;
import java.util.HashSet;
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
        return counted(candidate).predicate();
    }

    /**
     * What this scope counts for {@code candidate}, as a value: two candidates with equal values
     * count the same contacts (every candidate on the same channel, under a global scope every
     * candidate), so a request can count them once.
     */
    Counted counted(Candidate candidate) {
        switch (kind) {
            case "offer":
                return new Counted(Counted.Field.OFFER, id == null ? candidate.offerId() : id);
            case "creative":
                return new Counted(Counted.Field.CREATIVE, id == null ? creativeIds(candidate) : Set.of(id));
            case "channel":
                Set<String> channels = new HashSet<>();
                for (Candidate.CreativeOption o : candidate.options()) {
                    if (id == null || id.equals(o.channel().id()) || id.equalsIgnoreCase(o.channel().type())) {
                        channels.add(o.channel().id());
                    }
                }
                return new Counted(Counted.Field.CHANNEL, channels);
            case "category":
            case "subcategory":
                return new Counted(Counted.Field.CATEGORY, id == null ? candidate.offer().categoryId() : id);
            default:
                return Counted.ALL;
        }
    }

    /** Contacts whose {@code field} is {@code target} (an id, or a set of ids for creatives and channels); every contact for {@code ALL}. */
    record Counted(Field field, Object target) {

        static final Counted ALL = new Counted(Field.ALL, null);

        enum Field { OFFER, CREATIVE, CHANNEL, CATEGORY, ALL }

        Predicate<ContactEvent> predicate() {
            switch (field) {
                case OFFER:
                    return e -> Objects.equals(e.offerId(), target);
                // Null-safe: an outcome may name no creative or channel (and contacts recorded before
                // the history kept creative ids have none), and an immutable Set.of(id) throws on contains(null).
                case CREATIVE:
                    return e -> e.creativeId() != null && ((Set<?>) target).contains(e.creativeId());
                case CHANNEL:
                    return e -> e.channelId() != null && ((Set<?>) target).contains(e.channelId());
                case CATEGORY:
                    return e -> Objects.equals(e.categoryId(), target);
                default:
                    return e -> true;
            }
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
