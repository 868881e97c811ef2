package io.nextbest.ingest.readmodel;

import static io.nextbest.support.streams.BinarySerde.readInstant;
import static io.nextbest.support.streams.BinarySerde.readList;
import static io.nextbest.support.streams.BinarySerde.readString;
import static io.nextbest.support.streams.BinarySerde.writeInstant;
import static io.nextbest.support.streams.BinarySerde.writeList;
import static io.nextbest.support.streams.BinarySerde.writeString;

import io.nextbest.model.event.RankedOffer;
import io.nextbest.support.streams.BinarySerde;
import java.time.Instant;

/**
 * The binary layouts ({@link BinarySerde}) of the recent-decisions stores' values and so of their
 * changelogs: a customer's index (the recommendation ids, newest first) and each recommendation
 * (its id, timestamp and ranked offers in component order). Every {@code decisions} record reads
 * and rewrites the customer's index and writes one recommendation, so the layouts stay small: the
 * index is the ids alone, about 40 bytes each.
 */
final class RecentDecisionsSerde {

    static final BinarySerde<RecentRecommendationIds> IDS = BinarySerde.of(RecentRecommendationIds.class,
            (out, index) -> writeList(out, index.ids(), BinarySerde::writeString),
            in -> new RecentRecommendationIds(readList(in, BinarySerde::readString)));

    static final BinarySerde<RecentRecommendation> RECOMMENDATION = BinarySerde.of(RecentRecommendation.class,
            (out, recommendation) -> {
                writeString(out, recommendation.recommendationId());
                writeInstant(out, recommendation.timestamp());
                writeList(out, recommendation.decisions(), RecentDecisionsSerde::writeOffer);
            },
            in -> {
                String recommendationId = readString(in);
                Instant timestamp = readInstant(in);
                return new RecentRecommendation(recommendationId, readList(in, RecentDecisionsSerde::readOffer), timestamp);
            });

    private RecentDecisionsSerde() {
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
