package io.nextbest.ingest.readmodel;

import io.nextbest.support.streams.BinarySerde;

/**
 * The store's first binary layout as it was written before format 2 (each recommendation's id, its
 * offers unframed, its timestamp), for the tests that read it back and for the fold benchmark,
 * which measures it against format 2: reading format 1 decodes every offer, as that serde did.
 */
final class RecentDecisionsFormat1 {

    static final BinarySerde<RecentDecisions> SERDE = BinarySerde.of(RecentDecisions.class, 1,
            (out, recent) -> BinarySerde.writeList(out, recent.recommendations(), RecentDecisionsFormat1::writeRecommendation),
            RecentDecisionsSerde::read);

    private RecentDecisionsFormat1() {
    }

    private static void writeRecommendation(BinarySerde.Out out, RecentDecisions.Recommendation recommendation) {
        BinarySerde.writeString(out, recommendation.recommendationId());
        BinarySerde.writeList(out, recommendation.decisions(), RecentDecisionsSerde::writeOffer);
        BinarySerde.writeInstant(out, recommendation.timestamp());
    }
}
