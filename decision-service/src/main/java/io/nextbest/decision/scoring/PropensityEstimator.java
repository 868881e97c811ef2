package io.nextbest.decision.scoring;

import java.util.function.DoubleSupplier;

/**
 * The hierarchical propensity of the reference's adaptive learning. With at least
 * {@value #OFFER_MATURE} offer outcomes the offer's own positive rate is used. Otherwise a prior
 * is taken from the most specific level with enough evidence: the category (≥
 * {@value #CATEGORY_MIN}), the tenant (≥ {@value #GLOBAL_MIN}), a model when one is configured,
 * else {@value #DEFAULT_PROPENSITY}. With 1–49 offer outcomes the two are blended as
 * {@code (positives + w·prior) / (n + w)}, a Beta-prior posterior mean where the prior counts as
 * {@code w} (the smoothing weight, default 10) pseudo-outcomes: at n = w the offer's own data and
 * the prior weigh the same, and at n = 50 the offer rate is used outright.
 */
public final class PropensityEstimator {

    public static final long OFFER_MATURE = 50;
    public static final long CATEGORY_MIN = 20;
    public static final long GLOBAL_MIN = 10;
    public static final double DEFAULT_PROPENSITY = 0.5;
    public static final double DEFAULT_SMOOTHING_WEIGHT = 10;

    private PropensityEstimator() {
    }

    /**
     * @param model the model score, asked only when no level has enough evidence; null when the
     *              flow has no model (then the default 0.5 applies)
     */
    public static PropensityEstimate estimate(OfferEvidence offer, OfferEvidence category, OfferEvidence global,
            double smoothingWeight, DoubleSupplier model) {
        if (offer.total() >= OFFER_MATURE) {
            return new PropensityEstimate(offer.positiveRate(), "offer", offer.total());
        }
        PropensityEstimate prior = prior(category, global, model);
        if (offer.total() == 0) {
            return prior;
        }
        double blended = (offer.positives() + smoothingWeight * prior.value()) / (offer.total() + smoothingWeight);
        return new PropensityEstimate(blended, "offer_blended", offer.total());
    }

    private static PropensityEstimate prior(OfferEvidence category, OfferEvidence global, DoubleSupplier model) {
        if (category.total() >= CATEGORY_MIN) {
            return new PropensityEstimate(category.positiveRate(), "category", category.total());
        }
        if (global.total() >= GLOBAL_MIN) {
            return new PropensityEstimate(global.positiveRate(), "global", global.total());
        }
        if (model != null) {
            return new PropensityEstimate(model.getAsDouble(), "model", 0);
        }
        return new PropensityEstimate(DEFAULT_PROPENSITY, "default", 0);
    }
}
