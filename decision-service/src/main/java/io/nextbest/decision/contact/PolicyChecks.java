package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.ContactPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The blocking rule types and their configs. Windows are rolling, ending at the request instant:
 * a day is 24 h, a week 7 days, a month 30 days. A cap of N blocks when N contacts are already in
 * the window, since one more would exceed it.
 * <ul>
 *   <li>{@code frequency_cap} {@code {maxPerDay, maxPerWeek, maxPerMonth}} or {@code {maxContacts, windowDays}}:
 *       impressions counted within the scope.</li>
 *   <li>{@code cross_channel_cap}: the same config, counting the candidate offer's impressions on every channel.</li>
 *   <li>{@code cooldown} {@code {cooldownHours}}: the last impression within the scope is too recent.</li>
 *   <li>{@code outcome_based} {@code {outcomeType | outcomeTypes, lookbackDays = 90}}: such an outcome within the scope.</li>
 *   <li>{@code segment_exclusion} {@code {excludeSegments}}: the customer is in one of them.</li>
 *   <li>{@code category_suppression} {@code {lookbackHours = 24 | lookbackDays}}: an offer of the candidate's category was shown.</li>
 *   <li>{@code mutual_exclusion} {@code {offerIds, lookbackDays = 30}}: another offer of the group was shown.</li>
 * </ul>
 * An unknown rule type blocks nothing: contact policies only ever suppress, and a policy the
 * engine does not understand must not silence a tenant's whole catalog. One instance serves one
 * request: it remembers each cap count, because a channel, category or global cap counts the same
 * contacts for most of the catalog's candidates.
 */
final class PolicyChecks {

    private static final Duration DAY = Duration.ofDays(1);

    private final DecisionContext context;
    private final ContactHistory history;
    private final Map<CapCount, Long> capCounts = new HashMap<>();

    PolicyChecks(DecisionContext context, ContactHistory history) {
        this.context = context;
        this.history = history;
    }

    /** Impressions whose {@code field} is {@code id} in the window ending at the request instant. */
    private record CapCount(PolicyScope.Counted.Field field, String id, Duration window) {
    }

    /**
     * One window of a cap: at most {@code cap} impressions within {@code length}.
     *
     * @param period the reason's name for it ({@code day}, {@code week}, {@code month}, {@code 10days})
     */
    record CapWindow(long cap, Duration length, String period) {
    }

    /** A cap config's windows, in the order they are checked; the first one reached is the reason. */
    static List<CapWindow> capWindows(Map<String, Object> config) {
        List<CapWindow> windows = new ArrayList<>();
        for (String window : WINDOWS) {
            long cap = number(config.get(window), -1);
            if (cap >= 0) {
                Duration length = windowLength(window, config);
                windows.add(new CapWindow(cap, length, periodName(window, length)));
            }
        }
        return List.copyOf(windows);
    }

    /** @return null when the policy does not block, otherwise the trace reason */
    String block(ScopedPolicy scoped, PolicyScope scope, Candidate candidate) {
        ContactPolicy policy = scoped.policy();
        Map<String, Object> config = scoped.config();
        switch (policy.ruleType()) {
            case "frequency_cap":
                return capReason("frequency_cap", scoped.capWindows(), scope, candidate, false);
            case "cross_channel_cap":
                return capReason("cross_channel_cap", scoped.capWindows(), scope, candidate, true);
            case "cooldown":
                return cooldown(config, scope, candidate);
            case "outcome_based":
                return outcomeBased(config, scope, candidate);
            case "segment_exclusion":
                return segmentExclusion(config);
            case "category_suppression":
                return categorySuppression(config, candidate);
            case "mutual_exclusion":
                return mutualExclusion(config, candidate);
            default:
                return null;
        }
    }

    private String capReason(String type, List<CapWindow> windows, PolicyScope scope, Candidate candidate,
            boolean acrossChannels) {
        for (CapWindow window : windows) {
            // Across channels the candidate's own offer is counted, whatever the scope.
            long seen = acrossChannels ? impressions(PolicyScope.Counted.Field.OFFER, candidate.offerId(), window.length())
                    : scope.sumOverCounted(candidate, (field, id) -> impressions(field, id, window.length()));
            if (seen >= window.cap()) {
                return type + " exceeded: " + window.cap() + "/" + window.period() + " at scope=" + scope.label(candidate);
            }
        }
        return null;
    }

    /** Impressions of {@code field} = {@code id} in {@code window}, counted once per request. */
    private long impressions(PolicyScope.Counted.Field field, String id, Duration window) {
        return capCounts.computeIfAbsent(new CapCount(field, id, window),
                key -> history.count(e -> e.impression() && PolicyScope.Counted.matches(key.field(), key.id(), e),
                        context.now(), key.window()));
    }

    /** The cap keys in the order they are checked; the first one reached is the reason. */
    private static final List<String> WINDOWS = List.of("maxPerDay", "maxPerWeek", "maxPerMonth", "maxContacts");

    private static Duration windowLength(String window, Map<String, Object> config) {
        switch (window) {
            case "maxPerDay":
                return DAY;
            case "maxPerWeek":
                return Duration.ofDays(7);
            case "maxPerMonth":
                return Duration.ofDays(30);
            default:
                return Duration.ofDays(number(config.get("windowDays"), 7));
        }
    }

    private static String periodName(String key, Duration length) {
        switch (key) {
            case "maxPerDay":
                return "day";
            case "maxPerWeek":
                return "week";
            case "maxPerMonth":
                return "month";
            default:
                return length.toDays() + "days";
        }
    }

    private String cooldown(Map<String, Object> config, PolicyScope scope, Candidate candidate) {
        long hours = number(config.get("cooldownHours"), -1);
        if (hours < 0) {
            return null;
        }
        Optional<ContactEvent> last = history.latest(scope.counts(candidate).and(ContactEvent::impression), context.now());
        if (last.isEmpty()) {
            return null;
        }
        Duration since = Duration.between(last.get().at(), context.now());
        return since.compareTo(Duration.ofHours(hours)) < 0
                ? "cooldown active: last contact " + since.toHours() + "h ago, cooldown " + hours + "h at scope="
                        + scope.label(candidate)
                : null;
    }

    private String outcomeBased(Map<String, Object> config, PolicyScope scope, Candidate candidate) {
        Set<String> outcomes = strings(config.containsKey("outcomeTypes") ? config.get("outcomeTypes") : config.get("outcomeType"));
        if (outcomes.isEmpty()) {
            return null;
        }
        long days = number(config.get("lookbackDays"), 90);
        long seen = history.count(scope.counts(candidate).and(e -> outcomes.contains(e.outcome())), context.now(),
                Duration.ofDays(days));
        return seen > 0 ? "outcome_based: " + String.join(",", outcomes) + " within " + days + " days at scope="
                + scope.label(candidate) : null;
    }

    private String segmentExclusion(Map<String, Object> config) {
        List<String> hit = strings(config.get("excludeSegments")).stream()
                .filter(context.segments()::contains).sorted().toList();
        return hit.isEmpty() ? null : "segment_exclusion: customer in " + String.join(", ", hit);
    }

    private String categorySuppression(Map<String, Object> config, Candidate candidate) {
        String category = candidate.offer().categoryId();
        Duration window = config.containsKey("lookbackDays") ? Duration.ofDays(number(config.get("lookbackDays"), 1))
                : Duration.ofHours(number(config.get("lookbackHours"), 24));
        long seen = history.count(e -> e.impression() && category != null && category.equals(e.categoryId()),
                context.now(), window);
        return seen > 0 ? "category_suppression: category " + category + " shown within " + window.toHours() + "h" : null;
    }

    private String mutualExclusion(Map<String, Object> config, Candidate candidate) {
        Set<String> group = strings(config.get("offerIds"));
        if (!group.contains(candidate.offerId())) {
            return null;
        }
        long days = number(config.get("lookbackDays"), 30);
        Optional<ContactEvent> other = history.latest(e -> e.impression() && group.contains(e.offerId())
                && !candidate.offerId().equals(e.offerId()) && e.at().isAfter(context.now().minus(Duration.ofDays(days))),
                context.now());
        return other.map(e -> "mutual_exclusion: " + e.offerId() + " shown within " + days + " days").orElse(null);
    }

    static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }

    static Set<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        return value == null ? Set.of() : Set.of(String.valueOf(value));
    }
}
