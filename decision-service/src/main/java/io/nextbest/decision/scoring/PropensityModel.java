package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;

/**
 * A model that predicts the probability of a positive response for one candidate. Scoring only
 * calls it through {@link GuardedModel}, which may refuse while the model is failing.
 */
@FunctionalInterface
public interface PropensityModel {

    double score(Candidate candidate, DecisionContext context);
}
