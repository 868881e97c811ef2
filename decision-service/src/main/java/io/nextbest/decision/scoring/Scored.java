package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.qualification.Qualified;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A candidate with the creative it was scored with and its score. When all the candidate's
 * creatives score alike ({@link Scorer#scoresAlike}) that is the first of them, not necessarily the
 * one the decision will show.
 *
 * @param degraded  true when a model was bypassed and the circuit-breaker fallback score was used
 * @param explainer builds the {@code scoreExplanation} the response carries; only the returned
 *                  candidates (and a debug trace) read it, so it is not built for the others
 */
public record Scored(Qualified qualified, Candidate.CreativeOption creative, double score, boolean degraded,
        Supplier<Map<String, Object>> explainer) {

    public Candidate candidate() {
        return qualified.candidate();
    }

    public String offerId() {
        return qualified.candidateOfferId();
    }

    /** A fresh map on every call: read it once per use. */
    public Map<String, Object> explanation() {
        return explainer.get();
    }
}
