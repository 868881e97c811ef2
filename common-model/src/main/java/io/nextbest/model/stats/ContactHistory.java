package io.nextbest.model.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's recent contacts on {@code customer-contacts}, newest first, for frequency caps, and
 * the offers they converted on, for "already converted" suppression. Both are bounded: at most
 * {@code maxContacts} contacts no older than {@code maxAge} before the newest one (age is measured
 * against the data, not the wall clock, so replaying the input gives the same history), and at most
 * {@code maxContacts} converted offers, the most recent kept.
 */
public record ContactHistory(List<Contact> contacts, Map<String, Instant> convertedOffers) {

    public static final ContactHistory EMPTY = new ContactHistory(List.of(), Map.of());

    private static final Comparator<Contact> NEWEST_FIRST =
            Comparator.comparing(Contact::timestamp, Comparator.nullsLast(Comparator.reverseOrder()));

    public ContactHistory {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        convertedOffers = convertedOffers == null ? Map.of() : new LinkedHashMap<>(convertedOffers);
    }

    public ContactHistory plus(Contact contact, boolean conversion, int maxContacts, Duration maxAge) {
        List<Contact> all = new ArrayList<>(contacts);
        all.add(contact);
        all.sort(NEWEST_FIRST);
        Instant cutoff = all.get(0).timestamp().minus(maxAge);
        List<Contact> kept = all.stream()
                .filter(c -> !c.timestamp().isBefore(cutoff))
                .limit(maxContacts)
                .toList();
        Map<String, Instant> converted = new LinkedHashMap<>(convertedOffers);
        if (conversion && contact.offerId() != null) {
            converted.merge(contact.offerId(), contact.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
            trimOldest(converted, maxContacts);
        }
        return new ContactHistory(kept, converted);
    }

    /** How many contacts with {@code offerId} (any channel when {@code channelId} is null) happened at or after {@code since}. */
    public long count(String offerId, String channelId, Instant since) {
        return contacts.stream()
                .filter(c -> offerId.equals(c.offerId()))
                .filter(c -> channelId == null || channelId.equals(c.channelId()))
                .filter(c -> !c.timestamp().isBefore(since))
                .count();
    }

    private static void trimOldest(Map<String, Instant> converted, int max) {
        while (converted.size() > max) {
            String oldest = converted.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            converted.remove(oldest);
        }
    }
}
