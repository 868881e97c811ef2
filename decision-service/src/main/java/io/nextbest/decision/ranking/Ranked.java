package io.nextbest.decision.ranking;

import io.nextbest.decision.scoring.Scored;

/** A scored candidate at its 1-based rank in the response. */
public record Ranked(int rank, Scored scored) {
}
