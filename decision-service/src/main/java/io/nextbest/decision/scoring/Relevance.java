package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import java.util.List;

/**
 * PRIE's R, contextual fit from request-time signals, in [0.56, 1]. The channel always matches
 * (candidate selection guarantees it), so R is the product of two components: placement (1.0 for
 * a creative made for the requested placement or when none was requested, {@value #WILDCARD_PLACEMENT}
 * for a wildcard creative) and segment affinity (1.0 when the offer has no tags or a tag equals one
 * of the customer's segments, {@value #NO_SEGMENT_MATCH} when it has tags and none matches).
 */
final class Relevance {

    static final double WILDCARD_PLACEMENT = 0.8;
    static final double NO_SEGMENT_MATCH = 0.7;

    private Relevance() {
    }

    static double of(Candidate candidate, Candidate.CreativeOption option, DecisionContext context) {
        double placement = context.placement() != null && option.creative().placementKey() == null
                ? WILDCARD_PLACEMENT : 1.0;
        List<String> tags = candidate.offer().tags();
        double segment = tags == null || tags.isEmpty() || tags.stream().anyMatch(context.segments()::contains)
                ? 1.0 : NO_SEGMENT_MATCH;
        return placement * segment;
    }
}
