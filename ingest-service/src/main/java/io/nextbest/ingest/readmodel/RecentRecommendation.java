package io.nextbest.ingest.readmodel;

import io.nextbest.model.event.RankedOffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of a customer's recent recommendations as returned to the client: what respond resolves
 * {@code recommendationId + rank} against. Only the returned offers are kept, not the funnel or
 * experiment.
 */
public record RecentRecommendation(String recommendationId, List<RankedOffer> decisions, Instant timestamp) {

    public RecentRecommendation {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** The offer this recommendation returned at {@code rank} (1-based). */
    public Optional<RankedOffer> atRank(int rank) {
        return decisions.stream().filter(d -> d.rank() == rank).findFirst();
    }
}
