package io.nextbest.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The latest decisions served to one customer that ran under an experiment, newest first and
 * bounded in number — what {@link DecisionAttribution} attributes the customer's outcomes against.
 */
public record RecentDecisions(List<Ref> decisions) {

    public static final RecentDecisions EMPTY = new RecentDecisions(List.of());

    /** The part of a decision attribution needs. */
    public record Ref(String recommendationId, String experimentKey, String variant, boolean controlGroup, Instant at) {
    }

    public RecentDecisions {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    RecentDecisions plus(Ref decision, int max) {
        List<Ref> all = new ArrayList<>(decisions);
        all.removeIf(d -> d.recommendationId().equals(decision.recommendationId()));
        all.add(decision);
        all.sort(Comparator.comparing(Ref::at).reversed());
        return new RecentDecisions(all.size() > max ? all.subList(0, max) : all);
    }

    /**
     * The decision an outcome answers: the one it names when that is known and at most
     * {@code window} older than the outcome, else the customer's latest decision within the window
     * before the outcome.
     */
    Optional<Ref> answeredBy(String recommendationId, Instant outcomeAt, Duration window) {
        Instant earliest = outcomeAt.minus(window);
        if (recommendationId != null) {
            Optional<Ref> named = decisions.stream().filter(d -> recommendationId.equals(d.recommendationId())).findFirst();
            if (named.isPresent()) {
                return named.filter(d -> !d.at().isBefore(earliest));
            }
        }
        return decisions.stream()
                .filter(d -> !d.at().isAfter(outcomeAt) && !d.at().isBefore(earliest))
                .findFirst();
    }
}
