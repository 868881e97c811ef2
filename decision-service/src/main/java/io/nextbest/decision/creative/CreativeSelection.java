package io.nextbest.decision.creative;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.model.bucket.Bucketing;
import java.util.List;

/**
 * Picks one of a candidate's creatives by their traffic weights, deterministically: the unit
 * {@code customerId:recommendationId} is bucketed with the common-model GrowthBook hash under the
 * seed {@code creative:<offerId>}, so replaying a recommendation picks the same creative while
 * different recommendations spread over the variants in proportion to their weights. Options are
 * in creative-id order (candidate selection sorts them), weights are normalized to sum to 1, and
 * when every weight is 0 the split is even.
 */
public final class CreativeSelection {

    private CreativeSelection() {
    }

    public static Candidate.CreativeOption choose(Candidate candidate, String customerId, String recommendationId) {
        List<Candidate.CreativeOption> options = candidate.options();
        if (options.size() == 1) {
            return options.get(0);
        }
        double total = options.stream().mapToDouble(o -> Math.max(0, o.creative().weight())).sum();
        List<Double> weights = options.stream()
                .map(o -> total == 0 ? 1.0 / options.size() : Math.max(0, o.creative().weight()) / total).toList();
        int index = Bucketing.assign("creative:" + candidate.offerId(), customerId + ":" + recommendationId, weights, 1.0);
        // Rounding can leave the very top of the unit interval outside the last range.
        return options.get(index < 0 ? options.size() - 1 : index);
    }
}
