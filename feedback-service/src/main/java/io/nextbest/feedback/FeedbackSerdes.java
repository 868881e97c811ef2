package io.nextbest.feedback;

import static io.nextbest.support.streams.BinarySerde.readEnum;
import static io.nextbest.support.streams.BinarySerde.readInstant;
import static io.nextbest.support.streams.BinarySerde.readList;
import static io.nextbest.support.streams.BinarySerde.readSize;
import static io.nextbest.support.streams.BinarySerde.readString;
import static io.nextbest.support.streams.BinarySerde.writeEnum;
import static io.nextbest.support.streams.BinarySerde.writeInstant;
import static io.nextbest.support.streams.BinarySerde.writeList;
import static io.nextbest.support.streams.BinarySerde.writeString;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.DecayedScore;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.OutcomeCounts;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.support.streams.BinarySerde;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary layouts ({@link BinarySerde}, format 1) of the values on the feedback app's
 * repartition topics and in its aggregate stores. Fields are written in record-component order;
 * maps and lists keep their iteration order, so a value reads back equal to the one written.
 * Each also reads the JSON its store or topic held before this layout.
 */
final class FeedbackSerdes {

    private static final JsonSerde<TrackerEvent> TRACKER_EVENT_JSON = new JsonSerde<>(TrackerEvent.class);

    /** The layouts holding contacts: format 2 added each contact's creative id (format 1 reads as none). */
    static final int CONTACTS_FORMAT = 2;

    static final BinarySerde<Contact> CONTACT = BinarySerde.of(Contact.class, CONTACTS_FORMAT, FeedbackSerdes::writeContact, FeedbackSerdes::readContact);

    static final BinarySerde<RecentItem> RECENT_ITEM = BinarySerde.of(RecentItem.class,
            FeedbackSerdes::writeRecentItem, FeedbackSerdes::readRecentItem);

    static final BinarySerde<UserItemTouch> USER_ITEM_TOUCH = new BinarySerde<>("UserItemTouch", (out, touch) -> {
        writeStrings(out, touch.itemIds());
        writeString(out, touch.eventType());
        writeInstant(out, touch.at());
    }, in -> new UserItemTouch(readStrings(in), readString(in), readInstant(in)),
            // The topic carried the whole tracker event before.
            bytes -> UserItemTouch.of(TRACKER_EVENT_JSON.fromBytes(bytes)));

    // The repartition topic's value before the binary layouts: one pair as JSON.
    private record SinglePair(String itemId, String neighbourId, double weight) {
        UserItemsUpdate.ItemPairs asPairs() {
            return new UserItemsUpdate.ItemPairs(itemId, List.of(neighbourId), weight);
        }
    }

    private static final JsonSerde<SinglePair> SINGLE_PAIR_JSON = new JsonSerde<>(SinglePair.class);

    /** Format 2 carries an event's pairs of one item in one record; format 1 (and JSON before it) one pair. */
    static final int ITEM_PAIRS_FORMAT = 2;

    static final BinarySerde<UserItemsUpdate.ItemPairs> ITEM_PAIRS = new BinarySerde<>("ItemPairs", ITEM_PAIRS_FORMAT, (out, pairs) -> {
        writeString(out, pairs.itemId());
        writeStrings(out, pairs.neighbourIds());
        out.writeDouble(pairs.weight());
    }, in -> in.format() == BinarySerde.FORMAT
            ? new UserItemsUpdate.ItemPairs(readString(in), List.of(readString(in)), in.readDouble())
            : new UserItemsUpdate.ItemPairs(readString(in), readStrings(in), in.readDouble()),
            bytes -> SINGLE_PAIR_JSON.fromBytes(bytes).asPairs());

    static final BinarySerde<ExperimentTally> EXPERIMENT_TALLY = BinarySerde.of(ExperimentTally.class, CONTACTS_FORMAT, (out, tally) -> {
        writeString(out, tally.experimentKey());
        writeString(out, tally.variant());
        out.writeBoolean(tally.controlGroup());
        out.writeBoolean(tally.outcome() != null);
        if (tally.outcome() != null) {
            writeContact(out, tally.outcome());
        }
        writeInstant(out, tally.at());
    }, in -> new ExperimentTally(readString(in), readString(in), in.readBoolean(), in.readBoolean() ? readContact(in) : null,
            readInstant(in)));

    static final BinarySerde<OfferStats> OFFER_STATS = BinarySerde.of(OfferStats.class, (out, stats) -> {
        writeCounts(out, stats.total());
        out.writeInt(stats.daily().size());
        for (Map.Entry<LocalDate, OutcomeCounts> day : stats.daily().entrySet()) {
            out.writeLong(day.getKey().toEpochDay());
            writeCounts(out, day.getValue());
        }
        writeInstant(out, stats.updatedAt());
    }, in -> {
        OutcomeCounts total = readCounts(in);
        int days = readSize(in);
        Map<LocalDate, OutcomeCounts> daily = new LinkedHashMap<>();
        for (int i = 0; i < days; i++) {
            daily.put(LocalDate.ofEpochDay(in.readLong()), readCounts(in));
        }
        return new OfferStats(total, daily, readInstant(in));
    });

    static final BinarySerde<ContactHistory> CONTACT_HISTORY = BinarySerde.of(ContactHistory.class, CONTACTS_FORMAT, (out, history) -> {
        writeList(out, history.contacts(), FeedbackSerdes::writeContact);
        out.writeInt(history.convertedOffers().size());
        for (Map.Entry<String, Instant> offer : history.convertedOffers().entrySet()) {
            writeString(out, offer.getKey());
            writeInstant(out, offer.getValue());
        }
    }, in -> {
        List<Contact> contacts = readList(in, FeedbackSerdes::readContact);
        int offers = readSize(in);
        Map<String, Instant> converted = new LinkedHashMap<>();
        for (int i = 0; i < offers; i++) {
            converted.put(readString(in), readInstant(in));
        }
        return new ContactHistory(contacts, converted);
    });

    static final BinarySerde<ExperimentStats> EXPERIMENT_STATS = BinarySerde.of(ExperimentStats.class, (out, stats) -> {
        writeString(out, stats.experimentKey());
        writeString(out, stats.variant());
        out.writeBoolean(stats.controlGroup());
        out.writeLong(stats.decisions());
        writeCounts(out, stats.outcomes());
        writeInstant(out, stats.updatedAt());
    }, in -> new ExperimentStats(readString(in), readString(in), in.readBoolean(), in.readLong(), readCounts(in), readInstant(in)));

    static final BinarySerde<ItemStats> ITEM_STATS = BinarySerde.of(ItemStats.class, (out, stats) -> {
        out.writeInt(stats.counts().size());
        for (Map.Entry<String, Long> count : stats.counts().entrySet()) {
            writeString(out, count.getKey());
            out.writeLong(count.getValue());
        }
        out.writeInt(stats.decayed().size());
        for (Map.Entry<String, DecayedScore> decayed : stats.decayed().entrySet()) {
            writeString(out, decayed.getKey());
            writeScore(out, decayed.getValue());
        }
        writeScore(out, stats.score());
    }, in -> {
        int countSize = readSize(in);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < countSize; i++) {
            counts.put(readString(in), in.readLong());
        }
        int decayedSize = readSize(in);
        Map<String, DecayedScore> decayed = new LinkedHashMap<>();
        for (int i = 0; i < decayedSize; i++) {
            decayed.put(readString(in), readScore(in));
        }
        return new ItemStats(counts, decayed, readScore(in));
    });

    static final BinarySerde<ItemNeighbours> ITEM_NEIGHBOURS = BinarySerde.of(ItemNeighbours.class, (out, item) -> {
        out.writeInt(item.neighbours().size());
        for (Map.Entry<String, Double> neighbour : item.neighbours().entrySet()) {
            writeString(out, neighbour.getKey());
            out.writeDouble(neighbour.getValue());
        }
    }, in -> {
        int size = readSize(in);
        // Sized up front: an item's list is read once for every record of pairs that updates it.
        Map<String, Double> neighbours = new LinkedHashMap<>((int) (size / 0.75f) + 1);
        for (int i = 0; i < size; i++) {
            neighbours.put(readString(in), in.readDouble());
        }
        return new ItemNeighbours(neighbours);
    });

    static final BinarySerde<UserRecentItems> USER_RECENT_ITEMS = BinarySerde.of(UserRecentItems.class,
            (out, user) -> writeList(out, user.items(), FeedbackSerdes::writeRecentItem),
            in -> new UserRecentItems(readList(in, FeedbackSerdes::readRecentItem)));

    static final BinarySerde<RecentDecisions> RECENT_DECISIONS = BinarySerde.of(RecentDecisions.class,
            (out, recent) -> writeList(out, recent.decisions(), (o, ref) -> {
                writeString(o, ref.recommendationId());
                writeString(o, ref.experimentKey());
                writeString(o, ref.variant());
                o.writeBoolean(ref.controlGroup());
                writeInstant(o, ref.at());
            }),
            in -> new RecentDecisions(readList(in,
                    i -> new RecentDecisions.Ref(readString(i), readString(i), readString(i), i.readBoolean(), readInstant(i)))));

    static final BinarySerde<CreditBalance> CREDIT_BALANCE = BinarySerde.of(CreditBalance.class, (out, balance) -> {
        out.writeLong(balance.toppedUp());
        out.writeLong(balance.charged());
        writeInstant(out, balance.updatedAt());
    }, in -> new CreditBalance(in.readLong(), in.readLong(), readInstant(in)));

    private FeedbackSerdes() {
    }

    private static void writeContact(BinarySerde.Out out, Contact contact) {
        writeString(out, contact.offerId());
        writeString(out, contact.channelId());
        writeString(out, contact.outcome());
        writeEnum(out, contact.classification());
        writeEnum(out, contact.category());
        writeInstant(out, contact.timestamp());
        writeString(out, contact.creativeId());
    }

    private static Contact readContact(BinarySerde.In in) {
        return new Contact(readString(in), readString(in), readString(in), readEnum(in, Classification.class),
                readEnum(in, OutcomeCategory.class), readInstant(in), in.format() >= 2 ? readString(in) : null);
    }

    private static void writeRecentItem(BinarySerde.Out out, RecentItem item) {
        writeString(out, item.itemId());
        writeString(out, item.eventType());
        writeInstant(out, item.timestamp());
    }

    private static RecentItem readRecentItem(BinarySerde.In in) {
        return new RecentItem(readString(in), readString(in), readInstant(in));
    }

    private static void writeCounts(BinarySerde.Out out, OutcomeCounts counts) {
        out.writeLong(counts.impressions());
        out.writeLong(counts.clicks());
        out.writeLong(counts.accepts());
        out.writeLong(counts.dismisses());
        out.writeLong(counts.conversions());
        out.writeLong(counts.positives());
        out.writeLong(counts.negatives());
        out.writeLong(counts.total());
    }

    private static OutcomeCounts readCounts(BinarySerde.In in) {
        return new OutcomeCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
    }

    private static void writeScore(BinarySerde.Out out, DecayedScore score) {
        out.writeDouble(score.value());
        writeInstant(out, score.asOf());
    }

    private static DecayedScore readScore(BinarySerde.In in) {
        return new DecayedScore(in.readDouble(), readInstant(in));
    }

    private static void writeStrings(BinarySerde.Out out, List<String> values) {
        writeList(out, values, BinarySerde::writeString);
    }

    private static List<String> readStrings(BinarySerde.In in) {
        return readList(in, BinarySerde::readString);
    }
}
