package io.nextbest.model.stats;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;

/**
 * How many outcomes of each kind a scope (offer, category, channel, experiment variant...) has
 * seen. The five named outcomes are the decisioning API's system types; {@code positives} and
 * {@code negatives} count by classification, so a tenant's custom outcome types count too.
 */
public record OutcomeCounts(
        long impressions,
        long clicks,
        long accepts,
        long dismisses,
        long conversions,
        long positives,
        long negatives,
        long total) {

    public static final OutcomeCounts EMPTY = new OutcomeCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** Whether an outcome name is a conversion: {@code convert} or {@code conversion}, any case. */
    public static boolean isConversion(String outcome) {
        return "convert".equalsIgnoreCase(outcome) || "conversion".equalsIgnoreCase(outcome);
    }

    /**
     * Adds one outcome. An impression is recognised by its name or its category, a conversion by
     * {@code convert} or {@code conversion} (both spellings appear in the decisioning API's text).
     */
    public OutcomeCounts plus(String outcome, Classification classification, OutcomeCategory category) {
        String name = outcome == null ? "" : outcome.toLowerCase(java.util.Locale.ROOT);
        boolean impression = name.equals("impression") || category == OutcomeCategory.IMPRESSION;
        return new OutcomeCounts(
                impressions + (impression ? 1 : 0),
                clicks + (name.equals("click") ? 1 : 0),
                accepts + (name.equals("accept") ? 1 : 0),
                dismisses + (name.equals("dismiss") ? 1 : 0),
                conversions + (isConversion(name) ? 1 : 0),
                positives + (classification == Classification.POSITIVE ? 1 : 0),
                negatives + (classification == Classification.NEGATIVE ? 1 : 0),
                total + 1);
    }
}
