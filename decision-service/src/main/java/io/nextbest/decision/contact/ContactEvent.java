package io.nextbest.decision.contact;

import java.time.Instant;

/**
 * One past contact with the customer as the customer-contacts store keeps it: an impression or a
 * response outcome, on which offer, category, channel and creative, and when.
 *
 * @param outcome the outcome type key ({@code impression}, {@code click}, {@code complaint}, …)
 */
public record ContactEvent(
        Instant at, String offerId, String categoryId, String channelId, String creativeId, String outcome) {

    public static final String IMPRESSION = "impression";

    public boolean impression() {
        return IMPRESSION.equals(outcome);
    }
}
