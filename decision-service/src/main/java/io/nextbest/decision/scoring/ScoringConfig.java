package io.nextbest.decision.scoring;

import io.nextbest.model.catalog.entity.DecisionFlow;

/**
 * How a flow scores: the method, the PRIE weights (default 0.4/0.2/0.3/0.1) and the propensity
 * smoothing weight (default 10). Built from a flow's {@code scoring}, with the method possibly
 * replaced by an experiment variant's.
 */
public record ScoringConfig(ScoringMethod method, DecisionFlow.PrieWeights weights, double smoothingWeight) {

    public static final DecisionFlow.PrieWeights DEFAULT_WEIGHTS = new DecisionFlow.PrieWeights(0.4, 0.2, 0.3, 0.1);

    public static ScoringConfig of(DecisionFlow.Scoring scoring) {
        if (scoring == null) {
            return new ScoringConfig(ScoringMethod.PRIORITY_WEIGHTED, DEFAULT_WEIGHTS,
                    PropensityEstimator.DEFAULT_SMOOTHING_WEIGHT);
        }
        return new ScoringConfig(ScoringMethod.fromWire(scoring.method()),
                scoring.weights() == null ? DEFAULT_WEIGHTS : scoring.weights(),
                scoring.smoothingWeight() == null ? PropensityEstimator.DEFAULT_SMOOTHING_WEIGHT : scoring.smoothingWeight());
    }

    public ScoringConfig withMethod(ScoringMethod other) {
        return new ScoringConfig(other, weights, smoothingWeight);
    }
}
