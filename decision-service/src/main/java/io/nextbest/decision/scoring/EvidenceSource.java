package io.nextbest.decision.scoring;

/**
 * Where scoring reads learned evidence from: per offer, per category and tenant-wide. An adapter
 * over the offer-stats store implements it; {@link #NONE} knows nothing (every offer cold).
 */
public interface EvidenceSource {

    EvidenceSource NONE = new EvidenceSource() {
        @Override
        public OfferEvidence offer(String offerId) {
            return OfferEvidence.NONE;
        }

        @Override
        public OfferEvidence category(String categoryId) {
            return OfferEvidence.NONE;
        }

        @Override
        public OfferEvidence global() {
            return OfferEvidence.NONE;
        }
    };

    OfferEvidence offer(String offerId);

    OfferEvidence category(String categoryId);

    OfferEvidence global();
}
