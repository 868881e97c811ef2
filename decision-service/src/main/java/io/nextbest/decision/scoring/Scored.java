package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.qualification.Qualified;
import java.util.Map;

/**
 * A candidate with the creative it was scored with, its score and the {@code scoreExplanation} the
 * response carries. When all the candidate's creatives score alike ({@link Scorer#scoresAlike}) that
 * is the first of them, not necessarily the one the decision will show.
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
