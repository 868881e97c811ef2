package io.nextbest.decision.pipeline;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import io.nextbest.decision.scoring.PropensityEstimator;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The propensity a {@code propensity_threshold} rule compares against: a score the caller sent in
 * {@code attributes.propensityScores} for the offer id, else for its category id, else the
 * learned estimate (without the model, so qualification never trips a model's circuit breaker).
 */
record RequestPropensity(DecisionContext context, EvidenceSource evidence, double smoothingWeight)
        implements ToDoubleFunction<Candidate> {

    @Override
    public double applyAsDouble(Candidate candidate) {
        if (context.attributes().get("propensityScores") instanceof Map<?, ?> scores) {
            Object sent = scores.containsKey(candidate.offerId()) ? scores.get(candidate.offerId())
                    : scores.get(candidate.offer().categoryId());
            if (sent instanceof Number n) {
                return n.doubleValue();
            }
        }
        String category = candidate.offer().categoryId();
        return PropensityEstimator.estimate(evidence.offer(candidate.offerId()),
                category == null ? OfferEvidence.NONE : evidence.category(category), evidence.global(),
                smoothingWeight, null).value();
    }
}
