package io.nextbest.decision.candidate;

import java.util.List;

/** The offers that entered the funnel, and every catalog offer that did not with its reason. */
public record CandidateSet(List<Candidate> candidates, List<Drop> drops) {

    public CandidateSet {
        candidates = List.copyOf(candidates);
        drops = List.copyOf(drops);
    }
}
