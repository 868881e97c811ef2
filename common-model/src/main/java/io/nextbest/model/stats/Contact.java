package io.nextbest.model.stats;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import java.time.Instant;

/** One impression or response of a customer to an offer on a channel, as kept in {@link ContactHistory}. */
public record Contact(
        String offerId,
        String channelId,
        String outcome,
        Classification classification,
        OutcomeCategory category,
        Instant timestamp) {
}
