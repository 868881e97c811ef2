package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.qualification.Qualified;
import java.util.Map;

/**
 * A candidate with its creative, score and the {@code scoreExplanation} the response carries.
 *
 * @param degraded true when a model was bypassed and the circuit-breaker fallback score was used
 */
public record Scored(Qualified qualified, Candidate.CreativeOption creative, double score,
        Map<String, Object> explanation, boolean degraded) {

    public Candidate candidate() {
        return qualified.candidate();
    }

    public String offerId() {
        return qualified.candidateOfferId();
    }
}
