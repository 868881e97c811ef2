package io.nextbest.ingest.readmodel;

import io.nextbest.model.event.RankedOffer;
import io.nextbest.support.streams.BinarySerde;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

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
        try {
            BinarySerde.In in = new BinarySerde.In(ByteBuffer.wrap(bytes), (byte) RecentDecisionsSerde.FORMAT);
            List<RankedOffer> offers = List.copyOf(BinarySerde.readList(in, RecentDecisionsSerde::readOffer));
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes left over");
            }
            return offers;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read RecentDecisions offers: " + e.getMessage(), e);
        }
    }
}
