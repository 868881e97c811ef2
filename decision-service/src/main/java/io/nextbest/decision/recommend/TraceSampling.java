package io.nextbest.decision.recommend;

import io.nextbest.model.bucket.Bucketing;

/**
 * Decides whether a recommendation writes its per-candidate trace to {@code decision-traces}. The
 * choice is a hash of the recommendation id (the common-model GrowthBook hash, 1/10,000 steps), not
 * a random draw, so every placement of one recommendation is traced or none is, and a test or a
 * replay gets the same answer for the same id. Ids are random UUIDs, so the traced share of
 * recommendations converges on the configured rate.
 */
final class TraceSampling {

    private static final String SEED = "decision-trace:";

    private final double sampleRate;

    TraceSampling(TraceProperties settings) {
        this.sampleRate = settings.sampleRate();
    }

    boolean traced(String recommendationId) {
        if (sampleRate >= 1) {
            return true;
        }
        return sampleRate > 0 && Bucketing.hash(SEED, recommendationId, 2) < sampleRate;
    }
}
