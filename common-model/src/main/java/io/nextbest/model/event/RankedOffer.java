package io.nextbest.model.event;

/** One offer a recommendation returned, at its 1-based rank; respond resolves {@code recommendationId + rank} to it. */
public record RankedOffer(
        int rank,
        String offerId,
        String offerName,
        String categoryId,
        String creativeId,
        String channelId,
        String placementId,
        double score,
        boolean mandatory) {
}
