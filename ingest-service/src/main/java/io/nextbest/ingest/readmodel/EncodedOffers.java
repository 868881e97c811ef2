package io.nextbest.ingest.readmodel;

import io.nextbest.model.event.RankedOffer;
import io.nextbest.support.streams.BinarySerde;
import java.util.AbstractList;
import java.util.List;

/**
 * A recommendation's ranked offers as the recent-decisions store holds them (format 2 of
 * {@link RecentDecisionsSerde}), decoded on first access and written back as the same bytes: the
 * fold that adds a recommendation to a customer's history keeps the others' offers unread.
 * Immutable; a racing first access decodes twice and keeps either equal list.
 */
final class EncodedOffers extends AbstractList<RankedOffer> {

    private final byte[] bytes;
    private volatile List<RankedOffer> decoded;

    private EncodedOffers(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The length-framed offers at {@code in}'s position; their content is checked when first read. */
    static EncodedOffers read(BinarySerde.In in) {
        return new EncodedOffers(in.readBytes(BinarySerde.readSize(in)));
    }

    void writeTo(BinarySerde.Out out) {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public RankedOffer get(int index) {
        return offers().get(index);
    }

    @Override
    public int size() {
        return offers().size();
    }

    private List<RankedOffer> offers() {
        List<RankedOffer> offers = decoded;
        if (offers == null) {
            offers = decode();
            decoded = offers;
        }
        return offers;
    }

    private List<RankedOffer> decode() {
        return BinarySerde.readPart("RecentDecisions offers", bytes, RecentDecisionsSerde.FORMAT,
                in -> List.copyOf(BinarySerde.readList(in, RecentDecisionsSerde::readOffer)));
    }
}
