package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Candidate;
import java.util.List;

/**
 * A candidate that passed every hard rule, with the product of its failed fit rules' multipliers
 * (1.0 when none failed, never below 0.1) and the reasons those fit rules failed.
 */
public record Qualified(Candidate candidate, double fitMultiplier, List<String> fitPenalties) {

    public Qualified {
        fitPenalties = List.copyOf(fitPenalties);
    }

    public String candidateOfferId() {
        return candidate.offerId();
    }

    public static Qualified unpenalized(Candidate candidate) {
        return new Qualified(candidate, 1.0, List.of());
    }
}
