package io.nextbest.feedback;

import io.nextbest.model.stats.Contact;
import java.time.Instant;

/**
 * One thing to count for an experiment variant, on the {@code experiment-tallies-by-variant}
 * repartition topic: a decision served under it ({@code outcome} null) or an outcome attributed
 * to such a decision.
 */
public record ExperimentTally(String experimentKey, String variant, boolean controlGroup, Contact outcome, Instant at) {
}
