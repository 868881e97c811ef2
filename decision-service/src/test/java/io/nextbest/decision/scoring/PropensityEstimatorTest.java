package io.nextbest.decision.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PropensityEstimatorTest {

    private static final OfferEvidence NONE = OfferEvidence.NONE;

    private static PropensityEstimate estimate(OfferEvidence offer, OfferEvidence category, OfferEvidence global) {
        return PropensityEstimator.estimate(offer, category, global, 10, null);
    }

    @Test
    void matureOfferUsesItsOwnRate() {
        PropensityEstimate e = estimate(new OfferEvidence(20, 30), new OfferEvidence(90, 10), NONE);

        assertThat(e.value()).isCloseTo(0.4, within(1e-12));
        assertThat(e.source()).isEqualTo("offer");
        assertThat(e.evidence()).isEqualTo(50);
    }

    @Test
    void coldOfferFallsBackToTheCategoryWithTwentyOutcomes() {
        PropensityEstimate e = estimate(NONE, new OfferEvidence(5, 15), new OfferEvidence(90, 10));

        assertThat(e.value()).isCloseTo(0.25, within(1e-12));
        assertThat(e.source()).isEqualTo("category");
    }

    @Test
    void categoryBelowTwentyFallsBackToGlobalWithTen() {
        PropensityEstimate e = estimate(NONE, new OfferEvidence(5, 14), new OfferEvidence(3, 7));

        assertThat(e.value()).isCloseTo(0.3, within(1e-12));
        assertThat(e.source()).isEqualTo("global");
    }

    @Test
    void noLevelWithEnoughEvidenceGivesOneHalf() {
        PropensityEstimate e = estimate(NONE, new OfferEvidence(1, 18), new OfferEvidence(1, 8));

        assertThat(e.value()).isEqualTo(0.5);
        assertThat(e.source()).isEqualTo("default");
    }

    @Test
    void modelScoreIsThePriorWhenNoLevelHasEvidence() {
        PropensityEstimate e = PropensityEstimator.estimate(NONE, NONE, NONE, 10, () -> 0.8);

        assertThat(e.value()).isEqualTo(0.8);
        assertThat(e.source()).isEqualTo("model");
    }

    @Test
    void immatureOfferBlendsWithThePriorBySmoothingWeight() {
        // (8 + 10 × 0.25) / (20 + 10) = 0.35
        PropensityEstimate e = estimate(new OfferEvidence(8, 12), new OfferEvidence(5, 15), NONE);

        assertThat(e.value()).isCloseTo(0.35, within(1e-12));
        assertThat(e.source()).isEqualTo("offer_blended");
        assertThat(e.evidence()).isEqualTo(20);
    }

    @Test
    void smoothingWeightSetsHowFastOfferEvidenceTakesOver() {
        var offer = new OfferEvidence(10, 0);

        double light = PropensityEstimator.estimate(offer, NONE, NONE, 1, null).value();
        double heavy = PropensityEstimator.estimate(offer, NONE, NONE, 100, null).value();

        assertThat(light).isCloseTo(10.5 / 11, within(1e-12));
        assertThat(heavy).isCloseTo(60.0 / 110, within(1e-12));
    }

    @Test
    void moreClicksRaiseTheBlendedPropensity() {
        double before = estimate(new OfferEvidence(1, 1), NONE, NONE).value();
        double after = estimate(new OfferEvidence(2, 1), NONE, NONE).value();

        assertThat(after).isGreaterThan(before);
    }
}
