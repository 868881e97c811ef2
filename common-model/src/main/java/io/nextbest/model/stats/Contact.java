package io.nextbest.model.stats;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import java.time.Instant;

/**
 * One impression or response of a customer to an offer on a channel, as kept in {@link ContactHistory}.
 * {@code creativeId} is the creative the outcome named (null when it named none, and in contacts
 * recorded before the history kept it), so creative-scoped contact policies can count them.
 */
public record Contact(
        String offerId,
        String channelId,
        String outcome,
        Classification classification,
        OutcomeCategory category,
        Instant timestamp,
        String creativeId) {

    /** A contact whose creative is not known. */
    public Contact(String offerId, String channelId, String outcome, Classification classification, OutcomeCategory category,
                   Instant timestamp) {
        this(offerId, channelId, outcome, classification, category, timestamp, null);
    }
}
