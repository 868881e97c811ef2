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
 * The binary layout ({@link BinarySerde}) of the {@code ingest-recent-decisions} store's values and
 * so of its changelog: every {@code decisions} record reads a customer's value and writes it back,
 * so JSON there was over half of the read-model stream thread. The recommendations, newest first,
 * each with its id, timestamp and ranked offers in component order.
 * <p>
 * Format 2 frames each recommendation's offers with their byte length and reads them as
 * {@link EncodedOffers}, decoded only when asked for: a fold looks at the ids alone and writes the
 * kept recommendations' offers back as the bytes it read, where decoding and re-encoding the
 * twenty kept recommendations' sixty offers (six strings each) was a third of the read-model
 * thread under recommend load. Format 1 (offers unframed, before the timestamp) and the JSON the
 * store held before it are still read.
 */
final class RecentDecisionsSerde {

    static final int FORMAT = 2;

    static final BinarySerde<RecentDecisions> RECENT_DECISIONS = BinarySerde.of(RecentDecisions.class, FORMAT,
            (out, recent) -> writeList(out, recent.recommendations(), RecentDecisionsSerde::writeRecommendation),
            RecentDecisionsSerde::read);

    private RecentDecisionsSerde() {
    }

    /** A value of any format from 1 up, as {@link BinarySerde} hands it over after the format byte. */
    static RecentDecisions read(BinarySerde.In in) {
        return new RecentDecisions(readList(in, RecentDecisionsSerde::readRecommendation));
    }

    private static void writeRecommendation(BinarySerde.Out out, RecentDecisions.Recommendation recommendation) {
        writeString(out, recommendation.recommendationId());
        writeInstant(out, recommendation.timestamp());
        if (recommendation.decisions() instanceof EncodedOffers encoded) {
            encoded.writeTo(out);
        } else {
            BinarySerde.Out offers = new BinarySerde.Out();
            writeList(offers, recommendation.decisions(), RecentDecisionsSerde::writeOffer);
            byte[] bytes = offers.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static RecentDecisions.Recommendation readRecommendation(BinarySerde.In in) {
        if (in.format() == 1) {
            return new RecentDecisions.Recommendation(readString(in), readList(in, RecentDecisionsSerde::readOffer), readInstant(in));
        }
        String recommendationId = readString(in);
        Instant timestamp = readInstant(in);
        return new RecentDecisions.Recommendation(recommendationId, EncodedOffers.read(in), timestamp);
    }

    static void writeOffer(BinarySerde.Out out, RankedOffer offer) {
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

    static RankedOffer readOffer(BinarySerde.In in) {
        return new RankedOffer(in.readInt(), readString(in), readString(in), readString(in), readString(in), readString(in),
                readString(in), in.readDouble(), in.readBoolean());
    }
}
