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
        // Loops and an array, not streams and lists: this runs for every candidate of every recommend.
        // Weights are ints, so the total is exact whichever way it is summed.
        double total = 0;
        for (Candidate.CreativeOption o : options) {
            total += Math.max(0, o.creative().weight());
        }
        double[] weights = new double[options.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = total == 0 ? 1.0 / weights.length : Math.max(0, options.get(i).creative().weight()) / total;
        }
        // Bucketing.assign("creative:" + offerId, customerId + ":" + recommendationId, weights, 1.0), unconcatenated.
        double n = Bucketing.hashV2("creative:", candidate.offerId(), customerId, ":", recommendationId);
        int index = Bucketing.chooseVariation(n, weights, 1.0);
        // Rounding can leave the very top of the unit interval outside the last range.
        return options.get(index < 0 ? options.size() - 1 : index);
    }
}
