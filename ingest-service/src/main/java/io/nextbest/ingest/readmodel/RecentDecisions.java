package io.nextbest.ingest.readmodel;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.RankedOffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's latest recommendations, newest first, at most a configured number: what respond
 * resolves {@code recommendationId + rank} against. Only the returned offers are kept, not the
 * funnel or experiment, so the store stays small.
 */
public record RecentDecisions(List<Recommendation> recommendations) {

    public static final RecentDecisions EMPTY = new RecentDecisions(List.of());

    public RecentDecisions {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** One recommendation as returned to the client. */
    public record Recommendation(String recommendationId, List<RankedOffer> decisions, Instant timestamp) {
    }

    /** This history with {@code decision} added in front, the oldest dropped beyond {@code limit}; a replayed record changes nothing. */
    public RecentDecisions with(DecisionRecord decision, int limit) {
        if (find(decision.recommendationId()).isPresent()) {
            return this;
        }
        List<Recommendation> next = new ArrayList<>(limit);
        next.add(new Recommendation(decision.recommendationId(), decision.decisions(), decision.timestamp()));
        recommendations.stream().limit(Math.max(0, limit - 1)).forEach(next::add);
        return new RecentDecisions(next);
    }

    public Optional<Recommendation> find(String recommendationId) {
        return recommendations.stream().filter(r -> r.recommendationId().equals(recommendationId)).findFirst();
    }
}
