package io.nextbest.decision.scoring;

/**
 * Positive and negative outcomes counted for one level of the propensity hierarchy (an offer, a
 * category or the whole tenant). Neutral outcomes (impressions) are not evidence.
 */
public record OfferEvidence(long positives, long negatives) {

    public static final OfferEvidence NONE = new OfferEvidence(0, 0);

    public OfferEvidence {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("evidence counts cannot be negative");
        }
    }

    public long total() {
        return positives + negatives;
    }

    public double positiveRate() {
        return total() == 0 ? 0 : (double) positives / total();
    }
}
