package io.nextbest.ingest.readmodel;

import static io.nextbest.support.streams.BinarySerde.readInstant;
import static io.nextbest.support.streams.BinarySerde.readList;
import static io.nextbest.support.streams.BinarySerde.readString;
import static io.nextbest.support.streams.BinarySerde.writeInstant;
import static io.nextbest.support.streams.BinarySerde.writeList;
import static io.nextbest.support.streams.BinarySerde.writeString;

import io.nextbest.model.event.RankedOffer;
import io.nextbest.support.streams.BinarySerde;

/**
 * The binary layout ({@link BinarySerde}, format 1) of the {@code ingest-recent-decisions} store's
 * values and so of its changelog: every {@code decisions} record reads a customer's value and
 * writes it back, so JSON there was over half of the read-model stream thread. The
 * recommendations, newest first, each with its id, timestamp and ranked offers in component order;
 * reads the JSON the store held before this layout.
 */
final class RecentDecisionsSerde {

    static final BinarySerde<RecentDecisions> RECENT_DECISIONS = BinarySerde.of(RecentDecisions.class,
            (out, recent) -> writeList(out, recent.recommendations(), RecentDecisionsSerde::writeRecommendation),
            in -> new RecentDecisions(readList(in, RecentDecisionsSerde::readRecommendation)));

    private RecentDecisionsSerde() {
    }

    private static void writeRecommendation(BinarySerde.Out out, RecentDecisions.Recommendation recommendation) {
        writeString(out, recommendation.recommendationId());
        writeList(out, recommendation.decisions(), RecentDecisionsSerde::writeOffer);
        writeInstant(out, recommendation.timestamp());
    }

    private static RecentDecisions.Recommendation readRecommendation(BinarySerde.In in) {
        return new RecentDecisions.Recommendation(readString(in), readList(in, RecentDecisionsSerde::readOffer), readInstant(in));
    }

    private static void writeOffer(BinarySerde.Out out, RankedOffer offer) {
        out.writeInt(offer.rank());
        writeString(out, offer.offerId());
        writeString(out, offer.offerName());
        writeString(out, offer.categoryId());
        writeString(out, offer.creativeId());
        writeString(out, offer.channelId());
        writeString(out, offer.placementId());
        out.writeDouble(offer.score());
        out.writeBoolean(offer.mandatory());
    }

    private static RankedOffer readOffer(BinarySerde.In in) {
        return new RankedOffer(in.readInt(), readString(in), readString(in), readString(in), readString(in), readString(in),
                readString(in), in.readDouble(), in.readBoolean());
    }
}
