package io.nextbest.decision.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The customer's timestamped contacts, the input of contact policies, recency checks and the
 * mandatory-offer daily cap. An adapter over the customer-contacts store builds it; the core
 * only counts and looks back.
 */
public record ContactHistory(List<ContactEvent> events) {

    public static final ContactHistory EMPTY = new ContactHistory(List.of());

    public ContactHistory {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Contacts matching {@code filter} in the window {@code (now - window, now]}. */
    public long count(Predicate<ContactEvent> filter, Instant now, Duration window) {
        Instant since = now.minus(window);
        long count = 0;
        // A loop, not a stream: called per candidate and policy on every recommend.
        for (ContactEvent e : events) {
            if (e.at().isAfter(since) && !e.at().isAfter(now) && filter.test(e)) {
                count++;
            }
        }
        return count;
    }

    /** The most recent contact matching {@code filter} at or before {@code now}. */
    public Optional<ContactEvent> latest(Predicate<ContactEvent> filter, Instant now) {
        return events.stream().filter(e -> !e.at().isAfter(now)).filter(filter)
                .max(java.util.Comparator.comparing(ContactEvent::at));
    }
}
