package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.ContactPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongBiFunction;
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
                return id == null || hasCreative(candidate, id);
            case "channel":
                return id == null || hasChannel(candidate, id);
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

    /**
     * {@link #counted}'s contacts as a sum of counts of single ids, {@code count(field, id)}: a
     * contact names one creative and one channel, so the contacts of a set of them number the sum
     * of each one's. Every candidate on the same channel asks for the same ids, which a request
     * can count once, without building and hashing a set per candidate.
     */
    long sumOverCounted(Candidate candidate, ToLongBiFunction<Counted.Field, String> count) {
        switch (kind) {
            case "offer":
                return count.applyAsLong(Counted.Field.OFFER, id == null ? candidate.offerId() : id);
            case "creative":
                if (id != null) {
                    return count.applyAsLong(Counted.Field.CREATIVE, id);
                }
                return sumOverDistinct(candidate, Counted.Field.CREATIVE, o -> o.creative().id(), count);
            case "channel":
                return sumOverDistinct(candidate, Counted.Field.CHANNEL,
                        o -> id == null || id.equals(o.channel().id()) || id.equalsIgnoreCase(o.channel().type())
                                ? o.channel().id() : null, count);
            case "category":
            case "subcategory":
                return count.applyAsLong(Counted.Field.CATEGORY, id == null ? candidate.offer().categoryId() : id);
            default:
                return count.applyAsLong(Counted.Field.ALL, null);
        }
    }

    /** Sums {@code count} over the distinct non-null ids {@code idOf} gives the candidate's options (null: not counted). */
    private static long sumOverDistinct(Candidate candidate, Counted.Field field, Function<Candidate.CreativeOption, String> idOf,
            ToLongBiFunction<Counted.Field, String> count) {
        List<Candidate.CreativeOption> options = candidate.options();
        long sum = 0;
        for (int i = 0; i < options.size(); i++) {
            String value = idOf.apply(options.get(i));
            if (value != null && !seenBefore(options, i, value, idOf)) {
                sum += count.applyAsLong(field, value);
            }
        }
        return sum;
    }

    private static boolean seenBefore(List<Candidate.CreativeOption> options, int index, String value,
            Function<Candidate.CreativeOption, String> idOf) {
        for (int j = 0; j < index; j++) {
            if (value.equals(idOf.apply(options.get(j)))) {
                return true;
            }
        }
        return false;
    }

    /** Contacts whose {@code field} is {@code target} (an id, or a set of ids for creatives and channels); every contact for {@code ALL}. */
    record Counted(Field field, Object target) {

        static final Counted ALL = new Counted(Field.ALL, null);

        enum Field { OFFER, CREATIVE, CHANNEL, CATEGORY, ALL }

        /** Whether {@code e} is one of the contacts {@code new Counted(field, id)} counts, for a single id. */
        static boolean matches(Field field, String id, ContactEvent e) {
            switch (field) {
                case OFFER:
                    return Objects.equals(e.offerId(), id);
                case CREATIVE:
                    return e.creativeId() != null && e.creativeId().equals(id);
                case CHANNEL:
                    return e.channelId() != null && e.channelId().equals(id);
                case CATEGORY:
                    return Objects.equals(e.categoryId(), id);
                default:
                    return true;
            }
        }

        Predicate<ContactEvent> predicate() {
            switch (field) {
                // Null-safe: an outcome may name no creative or channel (and contacts recorded before
                // the history kept creative ids have none), and an immutable Set.of(id) throws on contains(null).
                case CREATIVE:
                    return e -> e.creativeId() != null && ((Set<?>) target).contains(e.creativeId());
                case CHANNEL:
                    return e -> e.channelId() != null && ((Set<?>) target).contains(e.channelId());
                default:
                    // A single id (or none, for ALL): the same test a per-id count uses.
                    return e -> matches(field, (String) target, e);
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

    private static boolean hasCreative(Candidate candidate, String creativeId) {
        for (Candidate.CreativeOption o : candidate.options()) {
            if (creativeId.equals(o.creative().id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasChannel(Candidate candidate, String channel) {
        for (Candidate.CreativeOption o : candidate.options()) {
            if (channel.equals(o.channel().id()) || channel.equalsIgnoreCase(o.channel().type())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> creativeIds(Candidate candidate) {
        return candidate.options().stream().map(o -> o.creative().id()).collect(Collectors.toSet());
    }
}
